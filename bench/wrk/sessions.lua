-- Rotates over the sessions in the file named by wrk's first script argument, one credential a
-- line; the second argument says how to present it: "cookie" or "bearer".
local credentials, mode, next = {}, "cookie", 0

function init(args)
  for line in io.lines(args[1]) do credentials[#credentials + 1] = line end
  mode = args[2] or mode
end

function request()
  next = next % #credentials + 1
  local headers = {}
  if mode == "bearer" then
    headers["Authorization"] = "Bearer " .. credentials[next]
  else
    headers["Cookie"] = "better-auth.session_token=" .. credentials[next]
  end
  return wrk.format("GET", nil, headers)
end
