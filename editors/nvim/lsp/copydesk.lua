-- Neovim 0.11+: put this plugin on 'runtimepath' and call vim.lsp.enable("copydesk").
-- Override any field with vim.lsp.config("copydesk", { settings = { ... } }).
return {
  cmd = { vim.env.COPYDESK_BIN or "copydesk", "lsp" },
  filetypes = { "markdown", "text" },
  root_markers = { "copydesk.toml", ".git" },
  init_options = vim.empty_dict(),
  settings = { copydesk = vim.empty_dict() },
  on_attach = function(client, bufnr)
    require("copydesk").enable_inlay_hints(client, bufnr)
  end,
}
