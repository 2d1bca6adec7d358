-- Neovim's own LSP client (0.7) against pii-clangd: open a file with a type
-- error and a pii-flow violation, read both back with vim.diagnostic.get(),
-- remove the violation, save, and see its diagnostic go.
--
--   PII_CLANGD=... PII_RESULT=... nvim --headless -u NONE FILE -c 'luafile nvim_client.lua'
--
-- Writes one line per check to $PII_RESULT: "ok <what>" or "FAILED <what>".
local results = {}
local function check(what, ok)
  table.insert(results, (ok and 'ok ' or 'FAILED ') .. what)
end

local function sources()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    found[d.source or ''] = (found[d.source or ''] or 0) + 1
  end
  return found
end

local file = vim.api.nvim_buf_get_name(0)
local client = vim.lsp.start_client({
  name = 'pii-clangd',
  -- No background index: it would write into the repository's source tree.
  cmd = { os.getenv('PII_CLANGD'), '--clangd', 'clangd-19', '--log=error',
          '--background-index=false' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
vim.lsp.buf_attach_client(0, client)

local both = vim.wait(120000, function()
  local s = sources()
  return (s['pii-flow'] or 0) > 0 and (s['clang'] or 0) > 0
end, 200)
check('clangd\'s and pii-flow\'s diagnostics are both shown', both)
local message = ''
for _, d in ipairs(vim.diagnostic.get(0)) do
  if d.source == 'pii-flow' then message = d.message end
end
check('the pii-flow headline names the sink', message:find("showAd", 1, true) ~= nil)

-- Remove the violation and save: didChange, then didSave.
local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
for i, line in ipairs(lines) do
  lines[i] = line:gsub('showAd%(u%.phone%)', 'showAd("shoes")')
end
vim.api.nvim_buf_set_lines(0, 0, -1, false, lines)
vim.cmd('write')
local cleared = vim.wait(120000, function()
  local s = sources()
  return (s['pii-flow'] or 0) == 0 and (s['clang'] or 0) > 0
end, 200)
check('the edit clears the pii-flow diagnostic, clangd\'s stays', cleared)

local out = io.open(os.getenv('PII_RESULT'), 'w')
out:write(table.concat(results, '\n') .. '\n')
out:close()
vim.lsp.stop_client(client)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client) == nil end, 100)
vim.cmd('qall!')
