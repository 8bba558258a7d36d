import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { version } from '../../../../package.json';
import { appError } from '../../../shared/errors/errors';
import type { ServerStatus } from '../../../shared/models';
import { AppFailure } from '../../../shared/result';
import { L } from '../lang';
import { stringValue, UsageFailure, type CommandSpec } from '../spec';

export const serveCommand: CommandSpec = {
  name: 'serve',
  usage: 'wxtoken serve [--port N]',
  summary: L(
    '启动本机（127.0.0.1）HTTP 服务：网页界面和 API，输出带访问密钥的地址；按 Ctrl+C 停止。',
    'Start the loopback (127.0.0.1) HTTP server with the web UI and the API, and print its URL with the access key; Ctrl+C stops it.',
  ),
  positionals: [],
  options: { port: { type: 'string', arg: 'N', help: L('端口（默认用设置里的端口，0 = 自动选择）', 'the port (default: the one in the settings; 0 picks a free one)') } },
  async run(ctx, parsed) {
    const portText = stringValue(parsed, 'port');
    if (portText !== undefined && (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535)) {
      throw new UsageFailure(L('--port 需要 0 到 65535 的整数', '--port takes a whole number from 0 to 65535'), serveCommand);
    }
    // Loaded here, not at the top: every other command starts without the server's code.
    const [{ hostApi }, { startLoopbackServer, httpHostParts, discoveryPath }] = await Promise.all([import('../../core/core'), import('../../server/index')]);
    const core = await ctx.core(true);
    const port = portText !== undefined ? Number(portText) : (await ctx.call('getSettings', {})).serverPort;
    let status: ServerStatus = { running: false };
    const server = await startLoopbackServer({
      api: hostApi(core, httpHostParts(version, () => status)),
      onEvent: (listener) => core.onEvent(listener),
      home: core.home,
      port,
      rendererDir: rendererDir(),
    }).catch((err: NodeJS.ErrnoException) => {
      if (err?.code !== 'EADDRINUSE') throw err;
      throw new AppFailure(
        appError('conflict', {
          message: L(`端口 ${port} 已被占用`, `Port ${port} is already in use`),
          next: L('换一个端口，或用 --port 0 自动选择', 'Pick another with --port, or --port 0 for any free one'),
        }),
      );
    });
    status = { running: true, url: `${server.origin}/`, port: server.port, key: server.uiKey };
    ctx.say(server.url);
    ctx.note(L('wxtoken 服务已启动（仅本机可访问），按 Ctrl+C 停止', 'wxtoken is serving on this machine only; press Ctrl+C to stop'));
    const file = discoveryPath(core.home);
    ctx.note(
      L(
        `上面网址里的密钥可以使用全部功能，请勿交给脚本；脚本请用 ${file} 中的 token_key，它只能读取 token`,
        `The key in the URL above can do everything: keep it from scripts. Scripts use token_key from ${file}, which can only read tokens`,
      ),
    );
    await ctx.io.waitForStop();
    ctx.note(L('正在停止…', 'Stopping…'));
    await server.close();
    return 0;
  },
};

/** The built UI: `out/renderer` beside the built CLI (`out/main/cli.js`), or under the project root when run from source. */
function rendererDir(): string {
  const beside = resolve(__dirname, '../renderer');
  if (existsSync(join(beside, 'index.html'))) return beside;
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'out', 'renderer');
  }
  return beside;
}
