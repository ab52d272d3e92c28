-- The token endpoint under load: client credentials, HTTP Basic with the client's id and secret
-- (wrk's first and second script arguments), for the resource in the third. Each answer is a new
-- access token, signed.
local body

function init(args)
  local basic = args[1] .. ":" .. args[2]
  local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  local encoded = ((basic:gsub(".", function(c)
    local bits, byte = "", c:byte()
    for i = 8, 1, -1 do bits = bits .. (byte % 2 ^ i - byte % 2 ^ (i - 1) > 0 and "1" or "0") end
    return bits
  end) .. "0000"):gsub("%d%d%d?%d?%d?%d?", function(bits)
    if #bits < 6 then return "" end
    local n = 0
    for i = 1, 6 do n = n + (bits:sub(i, i) == "1" and 2 ^ (6 - i) or 0) end
    return alphabet:sub(n + 1, n + 1)
  end) .. ({"", "==", "="})[#basic % 3 + 1])
  wrk.headers["Authorization"] = "Basic " .. encoded
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  body = "grant_type=client_credentials&scope=mcp%3Atools&resource=" .. args[3]:gsub(":", "%%3A"):gsub("/", "%%2F")
end

function request()
  return wrk.format("POST", nil, nil, body)
end

function response(status)
  if status ~= 200 then
    error("token endpoint answered " .. status)
  end
end
