-- End-to-end test of copydesk in a real, headless Neovim.
--
--   COPYDESK_BIN=... COPYDESK_NVIM_MODE=raw|setup|enable nvim --headless -u NONE -i NONE -c 'luafile test/e2e.lua'
--
-- Modes: `raw` uses start_client + buf_attach_client (Neovim 0.7, which lacks vim.lsp.start),
-- `setup` the plugin's require("copydesk").setup() (0.8+), `enable` lsp/copydesk.lua through
-- vim.lsp.enable (0.11+). Opens editors/testdata/ferry.md, then checks that the relative-date
-- diagnostic sits on "yesterday", that hovering "Solberg" shows Ingrid Solberg's card, and that
-- the quick fix rewrites "yesterday" and the finding goes away. Exits non-zero on any failure.

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

local function relative_date_diags(buf)
  return vim.tbl_filter(function(d)
    return diag_code(d) == "relative-date"
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

local function run()
  -- A copy, so the quick fix never touches the checked-in draft.
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, "p")
  local draft = dir .. "/ferry.md"
  vim.fn.writefile(vim.fn.readfile(draft_src), draft)

  vim.opt.runtimepath:prepend(plugin)
  vim.cmd("filetype on")
  local client_id -- only set in raw mode
  if mode == "raw" then
    vim.cmd("edit " .. vim.fn.fnameescape(draft))
    -- The plugin needs 0.8 (vim.fs, vim.lsp.start); 0.7 gets the bare client.
    client_id = vim.lsp.start_client({
      name = "copydesk",
      cmd = { bin, "lsp" },
      root_dir = dir,
      init_options = vim.empty_dict(),
    })
    check(client_id, "start_client failed")
    vim.lsp.buf_attach_client(0, client_id)
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

  check(vim.wait(TIMEOUT, function()
    return #relative_date_diags(buf) > 0
  end, 50), "no relative-date diagnostic; got " .. vim.inspect(vim.diagnostic.get(buf)))
  local client = (vim.lsp.get_clients or vim.lsp.get_active_clients)({ bufnr = buf })[1]
  check(client and client.name == "copydesk", "copydesk is not attached")

  -- Inlay hints: on wherever both Neovim (0.10+) and the server have them (not for the bare client).
  if mode ~= "raw" and vim.lsp.inlay_hint and (client.server_capabilities or {}).inlayHintProvider then
    check(vim.lsp.inlay_hint.is_enabled({ bufnr = buf }), "inlay hints are off")
    log("inlay hints: on")
  end

  -- Diagnostics: on "yesterday", with the right line and columns.
  local line, col = locate(buf, "yesterday")
  local d = relative_date_diags(buf)[1]
  check(d.lnum == line and d.col == col and d.end_col == col + #"yesterday",
    ("relative-date at %d:%d-%s, expected %d:%d-%d"):format(d.lnum, d.col, tostring(d.end_col), line, col,
      col + #"yesterday"))
  log("diagnostic: " .. d.message)

  -- Hover: the second mention "Solberg" shows the card of Ingrid Solberg.
  local hl, hc = locate(buf, "Solberg", 2)
  local uri = vim.uri_from_bufnr(buf)
  local hover = request(buf, "textDocument/hover", {
    textDocument = { uri = uri },
    position = { line = hl, character = hc + 2 },
  })
  local card = hover_text(hover)
  check(card:find("Ingrid Solberg", 1, true), "hover on Solberg: " .. vim.inspect(hover))
  log("hover: " .. card:gsub("\n", " "):sub(1, 120))

  -- Code action: the quick fix for the relative date, applied; the finding disappears.
  local lsp_diag = d.user_data and d.user_data.lsp
  local actions = request(buf, "textDocument/codeAction", {
    textDocument = { uri = uri },
    range = { start = { line = line, character = col }, ["end"] = { line = line, character = col + 9 } },
    context = { diagnostics = { lsp_diag } },
  }) or {}
  -- The rule's own fix, not "Disable relative-date on this line".
  local action
  for _, a in ipairs(actions) do
    if not action and (a.kind or ""):find("^quickfix") and not a.title:find("^Disable") then
      action = a
    end
  end
  check(action, "no quick fix for yesterday: " .. vim.inspect(actions))
  if not action.edit then
    action = request(buf, "codeAction/resolve", action)
  end
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  local fixed = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
  check(not fixed:find("yesterday", 1, true), "the fix left: " .. fixed)
  check(fixed:find("Tuesday", 1, true), "the fix did not name the weekday: " .. fixed)
  log("quick fix '" .. action.title .. "': " .. fixed:sub(1, 80))
  check(vim.wait(TIMEOUT, function()
    return #relative_date_diags(buf) == 0
  end, 50), "relative-date still reported after the fix")
end

local ok, err = pcall(run)
finish(ok, not ok and tostring(err) or nil)
