"""Verifies JWTs as a Python backend (FastAPI and the like) does against the auth service: PyJWT's
PyJWKClient fetches the JWKS and picks the key by the token's kid; issuer, audience and expiry are
checked. Usage: python3 verify_jwt.py <jwks URL> <issuer> <audience> <token>...
Prints one line per token: "valid <sub>" or "invalid <PyJWT error class>"."""
import sys

import jwt

ALGORITHMS = ["ES256", "EdDSA", "RS256"]


def main(jwks_url, issuer, audience, *tokens):
    keys = jwt.PyJWKClient(jwks_url, cache_keys=False)
    for token in tokens:
        try:
            key = keys.get_signing_key_from_jwt(token)
            claims = jwt.decode(token, key.key, algorithms=ALGORITHMS, issuer=issuer, audience=audience,
                                options={"require": ["exp", "iss", "aud", "sub"]})
            print("valid", claims["sub"])
        except jwt.PyJWTError as error:
            print("invalid", type(error).__name__)


if __name__ == "__main__":
    main(*sys.argv[1:])
