-- wrk script of the "sessions" scenario: every request carries a session cookie, like a browser.
-- Until it holds `wanted` distinct session cookies, the thread sends cookie-less requests and keeps the first
-- name=value pair of each new Set-Cookie; from then on it cycles through those sessions, one per request.
local wanted = 64
local cookies = {}
local known = {}
local next_index = 0

function response(status, headers, body)
  if #cookies >= wanted then
    return
  end
  local set_cookie = headers["Set-Cookie"] or headers["set-cookie"]
  if set_cookie then
    local pair = string.match(set_cookie, "^([^;]+)")
    if pair and not known[pair] then
      known[pair] = true
      cookies[#cookies + 1] = pair
    end
  end
end

function request()
  if #cookies < wanted then
    return wrk.format("GET", nil, {})
  end
  next_index = next_index % #cookies + 1
  return wrk.format("GET", nil, { ["Cookie"] = cookies[next_index] })
end
