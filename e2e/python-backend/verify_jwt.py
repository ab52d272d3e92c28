"""Verifies JWTs as a Python backend (FastAPI and the like) does against the auth service: PyJWT's
PyJWKClient fetches the JWKS and picks the key by the token's kid; issuer, audience and expiry are
checked. With --access-token, a resource server's check of an OAuth access token: its type must also
be at+jwt (RFC 9068), so no other JWT of the issuer's passes for one, and the audience is the
server's own resource indicator.
Usage: python3 verify_jwt.py [--access-token] <jwks URL> <issuer> <audience> <token>...
Prints one line per token: "valid <sub>" or "invalid <PyJWT error class>"."""
import sys

import jwt

ALGORITHMS = ["ES256", "EdDSA", "RS256"]
ACCESS_TOKEN_TYPES = {"at+jwt", "application/at+jwt"}


def main(jwks_url, issuer, audience, *tokens, access_tokens=False):
    keys = jwt.PyJWKClient(jwks_url, cache_keys=False)
    for token in tokens:
        try:
            if access_tokens and str(jwt.get_unverified_header(token).get("typ")).lower() not in ACCESS_TOKEN_TYPES:
                raise jwt.InvalidTokenError("not an access token")
            key = keys.get_signing_key_from_jwt(token)
            claims = jwt.decode(token, key.key, algorithms=ALGORITHMS, issuer=issuer, audience=audience,
                                options={"require": ["exp", "iss", "aud", "sub"]})
            print("valid", claims["sub"])
        except jwt.PyJWTError as error:
            print("invalid", type(error).__name__)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    access = arguments[:1] == ["--access-token"]
    main(*arguments[1:] if access else arguments, access_tokens=access)
