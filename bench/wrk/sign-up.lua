-- Signs up a new user on every request: addresses unique per run (wrk's first script argument),
-- thread and request.
local threads, run = 0, "run"

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  run = args[1]
  count = 0
end

function request()
  count = count + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"},
    string.format('{"name":"Load","email":"load-%s-%d-%d@example.com","password":"correct horse battery staple"}',
      run, id, count))
end
