-- End-to-end test of copydesk in a real, headless Neovim.
--
--   COPYDESK_BIN=... COPYDESK_NVIM_MODE=raw|setup|enable nvim --headless -u NONE -i NONE -c 'luafile test/e2e.lua'
--
-- Modes: `raw` uses start_client + buf_attach_client (Neovim 0.7, which lacks vim.lsp.start),
-- `setup` the plugin's require("copydesk").setup() (0.8+), `enable` lsp/copydesk.lua through
-- vim.lsp.enable (0.11+). Opens editors/testdata/ferry.md, then checks, each step on its own:
-- the unattributed-quote and relative-date diagnostics sit exactly on their text, hovering
-- "Solberg" shows Ingrid Solberg's card, the relative-date quick fix rewrites "yesterday" to
-- "Tuesday", and the "disable on this line" action silences the quote; each finding then goes
-- away. Exits non-zero on any failure.

local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
local plugin = vim.fn.fnamemodify(here, ":h")
local draft_src = vim.fn.fnamemodify(plugin, ":h") .. "/testdata/ferry.md"
local mode = vim.env.COPYDESK_NVIM_MODE or "setup"
local bin = vim.env.COPYDESK_BIN or "copydesk"
local TIMEOUT = 15000

local function log(msg)
  io.stdout:write("[nvim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor)
    .. " " .. mode .. "] " .. msg .. "\n")
end

local function finish(ok, msg)
  log((ok and "PASS" or "FAIL") .. (msg and (": " .. msg) or ""))
  io.stdout:flush()
  vim.cmd(ok and "qall!" or "cquit 1")
end

-- A watchdog, in case a request never returns.
vim.defer_fn(function()
  finish(false, "timed out")
end, 60000)

local function check(cond, msg)
  if not cond then
    error(msg, 2)
  end
end

--- Zero-based line and byte column of the `nth` occurrence of `needle` in the buffer.
local function locate(buf, needle, nth)
  nth = nth or 1
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local from = 1
    while true do
      local s = line:find(needle, from, true)
      if not s then
        break
      end
      nth = nth - 1
      if nth == 0 then
        return i - 1, s - 1
      end
      from = s + 1
    end
  end
  error("not in the draft: " .. needle)
end

local function diag_code(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function diags_of(buf, code)
  return vim.tbl_filter(function(d)
    return diag_code(d) == code
  end, vim.diagnostic.get(buf))
end

local function hover_text(result)
  local c = result and result.contents
  if type(c) == "string" then
    return c
  elseif type(c) == "table" and c.value then
    return c.value
  elseif type(c) == "table" then
    local parts = {}
    for _, m in ipairs(c) do
      parts[#parts + 1] = type(m) == "string" and m or m.value
    end
    return table.concat(parts, "\n")
  end
  return ""
end

--- One synchronous request to the copydesk client; returns its result or raises.
local function request(buf, method, params)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT)
  check(responses, method .. " failed: " .. tostring(err))
  for _, r in pairs(responses) do
    check(not r.error, method .. " error: " .. vim.inspect(r.error))
    return r.result
  end
  error(method .. ": no response")
end

--- Open the draft and attach copydesk the way `mode` says; returns the buffer and the client.
local function open()
  -- A copy, so the fixes never touch the checked-in draft.
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, "p")
  local draft = dir .. "/ferry.md"
  vim.fn.writefile(vim.fn.readfile(draft_src), draft)

  vim.opt.runtimepath:prepend(plugin)
  vim.cmd("filetype on")
  if mode == "raw" then
    vim.cmd("edit " .. vim.fn.fnameescape(draft))
    -- The plugin needs 0.8 (vim.fs, vim.lsp.start); 0.7 gets the bare client.
    local id = vim.lsp.start_client({
      name = "copydesk",
      cmd = { bin, "lsp" },
      root_dir = dir,
      init_options = vim.empty_dict(),
    })
    check(id, "start_client failed")
    vim.lsp.buf_attach_client(0, id)
  elseif mode == "setup" then
    require("copydesk").setup({ cmd = { bin, "lsp" } })
    vim.cmd("edit " .. vim.fn.fnameescape(draft))
  elseif mode == "enable" then
    vim.lsp.config("copydesk", { cmd = { bin, "lsp" } })
    vim.lsp.enable("copydesk")
    vim.cmd("edit " .. vim.fn.fnameescape(draft))
  else
    error("unknown COPYDESK_NVIM_MODE " .. mode)
  end
  local buf = vim.api.nvim_get_current_buf()
  check(vim.bo[buf].filetype == "markdown", "filetype is " .. vim.bo[buf].filetype)
  local client
  check(vim.wait(TIMEOUT, function()
    client = (vim.lsp.get_clients or vim.lsp.get_active_clients)({ bufnr = buf })[1]
    return client ~= nil and client.initialized ~= false and #vim.diagnostic.get(buf) > 0
  end, 50), "no diagnostics from copydesk")
  check(client.name == "copydesk", "attached: " .. client.name)
  return buf, client
end

--- Check that `code` is reported exactly on `needle`, and return that diagnostic.
local function expect_diag(buf, code, needle, len)
  check(vim.wait(TIMEOUT, function()
    return #diags_of(buf, code) > 0
  end, 50), "no " .. code .. " diagnostic; got " .. vim.inspect(vim.tbl_map(diag_code, vim.diagnostic.get(buf))))
  local line, col = locate(buf, needle)
  local d = diags_of(buf, code)[1]
  len = len or #needle
  check(d.lnum == line and d.col == col and d.end_col == col + len,
    ("%s at %d:%d-%s, expected %d:%d-%d"):format(code, d.lnum, d.col, tostring(d.end_col), line, col, col + len))
  log(("%s at %d:%d: %s"):format(code, line + 1, col + 1, d.message))
  return d
end

--- Ask for code actions on `d`, apply the first whose title `pick` accepts, and wait for the
--- finding to go away. Returns the action's title.
local function apply_action(buf, client, d, pick)
  -- 0.11 keeps the whole LSP diagnostic in user_data; 0.7 only some fields. (The draft's lines
  -- are ASCII where the findings are, so byte columns are UTF-16 columns.)
  local lsp_diag = vim.deepcopy(d.user_data and d.user_data.lsp or {})
  lsp_diag.range = lsp_diag.range
    or { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } }
  lsp_diag.message = lsp_diag.message or d.message
  lsp_diag.severity = lsp_diag.severity or d.severity
  lsp_diag.code = lsp_diag.code or diag_code(d)
  local actions = request(buf, "textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = lsp_diag.range,
    context = { diagnostics = { lsp_diag } },
  }) or {}
  local action
  for _, a in ipairs(actions) do
    if not action and (a.kind or ""):find("^quickfix") and pick(a.title) then
      action = a
    end
  end
  check(action, "no such code action among " .. vim.inspect(vim.tbl_map(function(a)
    return a.title
  end, actions)))
  if not action.edit then
    action = request(buf, "codeAction/resolve", action)
  end
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  local code = diag_code(d)
  check(vim.wait(TIMEOUT, function()
    return #diags_of(buf, code) == 0
  end, 50), code .. " still reported after '" .. action.title .. "'")
  return action.title
end

local buf, client
local steps = {
  { "attach", function()
    buf, client = open()
    -- Inlay hints: on wherever both Neovim (0.10+) and the server have them (not the bare client).
    if mode ~= "raw" and vim.lsp.inlay_hint and (client.server_capabilities or {}).inlayHintProvider then
      check(vim.lsp.inlay_hint.is_enabled({ bufnr = buf }), "inlay hints are off")
      log("inlay hints: on")
    end
  end },
  { "unattributed quote: position", function()
    expect_diag(buf, "unattributed-quote", '"Every crossing this weekend is already full."')
  end },
  { "relative date: position", function()
    expect_diag(buf, "relative-date", "yesterday")
  end },
  { "hover: entity card", function()
    -- The second mention, "Solberg", shows the card of Ingrid Solberg.
    local line, col = locate(buf, "Solberg", 2)
    local hover = request(buf, "textDocument/hover", {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = line, character = col + 2 },
    })
    local card = hover_text(hover)
    check(card:find("Ingrid Solberg", 1, true), "hover on Solberg: " .. vim.inspect(hover))
    log("hover: " .. card:gsub("\n", " "):sub(1, 120))
  end },
  { "relative date: quick fix", function()
    local d = expect_diag(buf, "relative-date", "yesterday")
    local title = apply_action(buf, client, d, function(t)
      return not t:find("^Disable")
    end)
    local fixed = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
    check(not fixed:find("yesterday", 1, true) and fixed:find("Tuesday", 1, true), "the fix gave: " .. fixed)
    log("quick fix '" .. title .. "': " .. fixed:sub(1, 80))
  end },
  { "unattributed quote: disable comment", function()
    local d = expect_diag(buf, "unattributed-quote", '"Every crossing this weekend is already full."')
    local title = apply_action(buf, client, d, function(t)
      return t == "Disable unattributed-quote on this line"
    end)
    log("code action '" .. title .. "' applied")
  end },
}

local failed = 0
for _, step in ipairs(steps) do
  local ok, err = pcall(step[2])
  log((ok and "ok   " or "FAIL ") .. step[1] .. (ok and "" or (": " .. tostring(err))))
  if not ok then
    failed = failed + 1
    if step[1] == "attach" then
      break
    end
  end
end
finish(failed == 0, failed > 0 and (failed .. " check(s) failed") or nil)
