-- A scripted editor session in headless Neovim (Debian's 0.7: vim.lsp.start_client; vim.lsp.start needs 0.8)
-- against the real `gg lsp`. Neovim's own LSP client does the work: didOpen on attach, incremental didChange
-- from buffer edits, workspace/configuration from `settings`, workspace edits applied to the buffer.
-- The C# test writes the scenario and checks the transcript this script writes; assertions live in the test.
--
-- Usage: GG_SCENARIO=scenario.json GG_TRANSCRIPT=out.json nvim --headless --clean -n +"luafile e2e.lua" FILE
-- Scenario: { server: [argv...], settings, timeoutMs,
--             fix: { after, insert, clears },   insert lines after the line containing `after`; wait until `clears` is gone
--             hover: { at },                    hover on the first occurrence of `at`
--             codeAction: { code, title } }     quick fix of the diagnostic with `code`, title containing one of `title`'s |-separated words
local scenario = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('GG_SCENARIO')), '\n'))
local transcript_path = os.getenv('GG_TRANSCRIPT')
local timeout = scenario.timeoutMs or 30000
local transcript = { steps = {} }
local buf = vim.api.nvim_get_current_buf()
local published = {}

local function step(name) table.insert(transcript.steps, name) end

local function codes(diagnostics)
  local list = {}
  for _, d in ipairs(diagnostics) do
    table.insert(list, { code = tostring(d.code), severity = d.severity, line = d.range.start.line,
      character = d.range.start.character, message = d.message, source = d.source })
  end
  return list
end

local function has_code(diagnostics, code)
  for _, d in ipairs(diagnostics) do if tostring(d.code) == code then return true end end
  return false
end

-- Waits for a publish after the `after`-th one that satisfies `accept`.
local function wait_publish(after, accept, what)
  local found
  local ok = vim.wait(timeout, function()
    for i = after + 1, #published do
      if accept(published[i]) then found = published[i]; return true end
    end
    return false
  end, 10)
  if not ok then error('timed out waiting for ' .. what) end
  return found
end

-- The UTF-16 position of the first occurrence of `text` in the buffer.
local function position_of(text)
  for row, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(text, 1, true)
    if col then
      local _, utf16 = vim.str_utfindex(line, col - 1)
      return { line = row - 1, character = utf16 }
    end
  end
  error('"' .. text .. '" is not in the buffer')
end

local function request(client, method, params, what)
  local response, err = client.request_sync(method, params, timeout, buf)
  if not response then error(what .. ': ' .. tostring(err)) end
  if response.err then error(what .. ': ' .. vim.inspect(response.err)) end
  return response.result
end

local exited = nil
local client_id = vim.lsp.start_client({
  name = 'guidelinegraph',
  cmd = scenario.server,
  root_dir = scenario.root,
  settings = { guidelineGraph = scenario.settings },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result.uri == vim.uri_from_bufnr(buf) then
        table.insert(published, { version = result.version, diagnostics = result.diagnostics })
      end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
  on_init = function(client)
    client.notify('workspace/didChangeConfiguration', { settings = { guidelineGraph = scenario.settings } })
  end,
  on_exit = function(code, signal) exited = { code = code, signal = signal } end,
})

local ok, failure = pcall(function()
  if not client_id then error('vim.lsp.start_client failed') end
  vim.lsp.buf_attach_client(buf, client_id)
  local client
  vim.wait(timeout, function()
    client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized
  end, 10)
  if not (client and client.initialized) then error('the server did not initialize') end
  step('initialize')

  -- Neovim 0.7 does not announce versionSupport, so the wait is for content: the gap the fix will close.
  local opened = wait_publish(0, function(p) return has_code(p.diagnostics, scenario.fix.clears) end,
    'diagnostics with ' .. scenario.fix.clears)
  transcript.opened = codes(opened.diagnostics)
  transcript.openedVersion = opened.version
  step('open')

  local anchor = position_of(scenario.fix.after)
  local seen = #published
  vim.api.nvim_buf_set_lines(buf, anchor.line + 1, anchor.line + 1, false, vim.split(scenario.fix.insert, '\n', { plain = true }))
  local fixed = wait_publish(seen, function(p) return not has_code(p.diagnostics, scenario.fix.clears) end,
    scenario.fix.clears .. ' to clear')
  transcript.fixed = codes(fixed.diagnostics)
  transcript.fixedVersion = fixed.version
  transcript.bufferVersion = vim.lsp.util.buf_versions[buf]
  step('fix')

  local hover = request(client, 'textDocument/hover',
    { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = position_of(scenario.hover.at) }, 'hover')
  if hover and hover.contents then
    local lines = vim.lsp.util.convert_input_to_markdown_lines(hover.contents)
    transcript.hover = table.concat(lines, '\n')
  end
  step('hover')

  local target
  for _, d in ipairs(published[#published].diagnostics) do
    if tostring(d.code) == scenario.codeAction.code then target = d end
  end
  if not target then error('no diagnostic ' .. scenario.codeAction.code .. ' to fix') end
  local actions = request(client, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) }, range = target.range,
    context = { diagnostics = { target } } }, 'codeAction') or {}
  transcript.actionTitles = {}
  local action
  for _, a in ipairs(actions) do
    table.insert(transcript.actionTitles, a.title)
    for _, wanted in ipairs(vim.split(scenario.codeAction.title, '|', { plain = true })) do
      if not action and a.title:lower():find(wanted:lower(), 1, true) then action = a end
    end
  end
  if not action then error('no code action titled "' .. scenario.codeAction.title .. '"') end
  if not action.edit and not action.command and client.server_capabilities.codeActionProvider
      and client.server_capabilities.codeActionProvider.resolveProvider then
    action = request(client, 'codeAction/resolve', action, 'codeAction/resolve')
  end
  local before = vim.api.nvim_buf_get_changedtick(buf)
  seen = #published
  if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding) end
  if action.command then request(client, 'workspace/executeCommand', action.command, 'executeCommand') end
  if vim.api.nvim_buf_get_changedtick(buf) == before then error('the code action changed nothing') end
  local after = wait_publish(seen, function(p) return not has_code(p.diagnostics, scenario.codeAction.code) end,
    scenario.codeAction.code .. ' to clear after the code action')
  transcript.action = { title = action.title, kind = action.kind }
  transcript.afterAction = codes(after.diagnostics)
  transcript.textAfterAction = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  step('codeAction')

  vim.lsp.stop_client(client_id)
  if not vim.wait(timeout, function() return exited ~= nil end, 10) then error('the server did not exit') end
  transcript.exitCode = exited.code
  step('exit')
end)

if not ok then
  transcript.error = tostring(failure)
  -- what the server last published, so a missing diagnostic shows what came instead
  if not transcript.opened and #published > 0 then transcript.opened = codes(published[#published].diagnostics) end
end
vim.fn.writefile({ vim.fn.json_encode(transcript) }, transcript_path)
vim.cmd(ok and 'qa!' or 'cq!')
