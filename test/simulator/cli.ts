/**
 * `npm run simulator [-- --port N] [--expires-in SECONDS]`: a WeChat simulator on 127.0.0.1 with the demo
 * account, until Ctrl+C. The demo secret is test data, printed on purpose; the add line pipes it through
 * the shell's `printf` builtin so it never becomes a process argument.
 */
import { DEMO_ACCOUNT, startSimulator } from './index';

function option(args: string[], name: string): number | undefined {
  const at = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (at < 0) return undefined;
  const raw = args[at].includes('=') ? args[at].split('=')[1] : args[at + 1];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} needs a whole number / ${name} 需要一个整数`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sim = await startSimulator({ port: option(args, '--port'), expiresIn: option(args, '--expires-in') || undefined });
  sim.addAccount(DEMO_ACCOUNT);

  const { appid, secret, kind } = DEMO_ACCOUNT;
  console.log(`微信模拟服务器已启动 / WeChat simulator running: ${sim.url}

演示账号 / Demo account (${kind}):
  appid:  ${appid}
  secret: ${secret}

添加到 wxtoken / Add it to wxtoken (the secret goes through stdin):
  printf '%s' '${secret}' | wxtoken account add demo --appid ${appid} --kind ${kind} --api-base ${sim.url}

控制接口 / Controls: POST ${sim.url}/__sim/fault  {"path":"/cgi-bin/token","fault":{"kind":"busy"},"times":1}
                     GET  ${sim.url}/__sim/counts

按 Ctrl+C 停止 / Press Ctrl+C to stop`);

  const stop = () => void sim.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: Error) => {
  console.error(`模拟服务器启动失败 / The simulator could not start: ${err.message}`);
  process.exit(1);
});
