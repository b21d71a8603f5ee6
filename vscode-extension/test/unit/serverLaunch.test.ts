import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandServerPath, hasDotnetRuntime, listedRuntimes, missingDotnetMessage, resolveServerLaunch } from '../../src/logic/serverLaunch';

const runtimes = `Microsoft.AspNetCore.App 10.0.1 [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]
Microsoft.NETCore.App 8.0.12 [/usr/share/dotnet/shared/Microsoft.NETCore.App]
Microsoft.NETCore.App 10.0.1 [/usr/share/dotnet/shared/Microsoft.NETCore.App]
`;

test('the bundled server runs under dotnet', () => {
  assert.deepEqual(resolveServerLaunch('', '/ext/server/gg.dll'),
    { command: 'dotnet', args: ['/ext/server/gg.dll', 'lsp'], needsDotnet: true, description: 'bundled server (/ext/server/gg.dll)' });
});

test('serverPath: an executable runs itself, a .dll runs under dotnet', () => {
  assert.deepEqual(resolveServerLaunch('/opt/gg/gg', '/b.dll'), { command: '/opt/gg/gg', args: ['lsp'], needsDotnet: false, description: '/opt/gg/gg' });
  assert.deepEqual(resolveServerLaunch(' /opt/gg/GG.DLL ', '/b.dll').args, ['/opt/gg/GG.DLL', 'lsp']);
});

test('serverPath may start with ~ or be relative to the workspace', () => {
  assert.equal(expandServerPath('~/bin/gg', '/home/w', undefined), '/home/w/bin/gg');
  assert.equal(expandServerPath('./gg', '/home/w', '/repo'), '/repo/gg');
  assert.equal(expandServerPath('/abs/gg', '/home/w', '/repo'), '/abs/gg');
});

test('the .NET 10 runtime is found among others; the ASP.NET one does not count', () => {
  assert.equal(hasDotnetRuntime(runtimes), true);
  assert.equal(hasDotnetRuntime(runtimes.replace('NETCore.App 10.0.1', 'NETCore.App 9.0.1')), false);
  assert.equal(hasDotnetRuntime(''), false);
  assert.equal(listedRuntimes(runtimes), '8.0.12, 10.0.1');
});

test('the message for a missing runtime says what was found and what to do', () => {
  assert.match(missingDotnetMessage(undefined), /needs the \.NET 10 runtime, but `dotnet` was not found on PATH.*guidelineGraph\.serverPath/);
  assert.match(missingDotnetMessage('8.0.12'), /dotnet has no 10\.x runtime \(it has: 8\.0\.12\)/);
});
