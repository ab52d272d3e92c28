-- Signs in as the users "bench-<n>@example.com" (n from 1 to wrk's first script argument) in turn.
local users, next = 1, 0

function init(args)
  users = tonumber(args[1])
  next = math.random(users)
end

function request()
  next = next % users + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"},
    string.format('{"email":"bench-%d@example.com","password":"correct horse battery staple"}', next))
end
