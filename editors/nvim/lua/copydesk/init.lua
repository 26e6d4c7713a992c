-- copydesk for Neovim 0.8+: starts `copydesk lsp` on Markdown and text buffers.
--
--   require("copydesk").setup({ settings = { reference_date = "today" } })
--
-- Neovim 0.11 users may instead rely on lsp/copydesk.lua with vim.lsp.enable("copydesk").
local M = {}

--- Defaults; `setup()` merges the user's options over them.
M.defaults = {
  -- The server command; `COPYDESK_BIN` overrides the binary for tests and CI.
  cmd = { vim.env.COPYDESK_BIN or "copydesk", "lsp" },
  filetypes = { "markdown", "text" },
  -- Markers that make a directory the project root (else the buffer's directory).
  root_markers = { "copydesk.toml", ".git" },
  -- The server's settings, with the keys of copydesk.toml: reference_date, names_file,
  -- languages, rules = { ["relative-date"] = "error" }.
  settings = {},
  -- Show resolved dates inline where the Neovim version supports inlay hints (0.10+).
  inlay_hints = true,
}

M.config = vim.deepcopy(M.defaults)

local function root_dir(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  local start = file ~= "" and vim.fs.dirname(file) or vim.loop.cwd()
  local marker = vim.fs.find(M.config.root_markers, { path = start, upward = true })[1]
  return marker and vim.fs.dirname(marker) or start
end

--- The `vim.lsp.start` / `vim.lsp.config` table for the current options.
function M.client_config(bufnr)
  local cfg = M.config
  -- An empty Lua table would be sent as a JSON array; the server wants an object.
  local settings = next(cfg.settings) and cfg.settings or vim.empty_dict()
  return {
    name = "copydesk",
    cmd = cfg.cmd,
    root_dir = bufnr and root_dir(bufnr) or nil,
    init_options = settings,
    settings = { copydesk = settings },
    on_attach = function(client, buf)
      M.enable_inlay_hints(client, buf)
      if cfg.on_attach then
        cfg.on_attach(client, buf)
      end
    end,
  }
end

--- Turn inlay hints on for `buf` when both Neovim (0.10+) and the server support them.
function M.enable_inlay_hints(client, buf)
  if not M.config.inlay_hints then
    return
  end
  local ih = vim.lsp.inlay_hint
  local caps = client.server_capabilities or {}
  if type(ih) ~= "table" or type(ih.enable) ~= "function" or not caps.inlayHintProvider then
    return
  end
  -- 0.10.0 took (bufnr, enable); 0.10.1+ takes (enable, filter).
  if not pcall(ih.enable, true, { bufnr = buf }) then
    pcall(ih.enable, buf, true)
  end
end

--- Attach copydesk to `bufnr` (default: the current buffer).
function M.start(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  if not vim.lsp.start then
    vim.notify("copydesk: Neovim 0.8 or newer is needed", vim.log.levels.ERROR)
    return nil
  end
  if vim.fn.executable(M.config.cmd[1]) ~= 1 then
    vim.notify(
      ("copydesk: `%s` is not executable; install copydesk or set cmd in setup()"):format(M.config.cmd[1]),
      vim.log.levels.ERROR
    )
    return nil
  end
  return vim.lsp.start(M.client_config(bufnr), { bufnr = bufnr })
end

--- Configure copydesk and start it on matching buffers, now and later.
function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts or {})
  local group = vim.api.nvim_create_augroup("copydesk", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      M.start(args.buf)
    end,
  })
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
      M.start(buf)
    end
  end
end

return M
