/** Everything the CLI touches outside the core: streams, the terminal, signals. Commands never use `process` directly. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  out(text: string): void;
  /** Bytes as they are: a binary response body on a piped stdout. */
  outBytes(bytes: Uint8Array): void;
  err(text: string): void;
  /** All of stdin (when it is a pipe or a file). */
  readStdin(): Promise<string>;
  /** Asks on stderr and reads one line from the terminal without echo; undefined when the user cancels. */
  promptHidden(question: string): Promise<string | undefined>;
  /** Asks on stderr and reads one line from the terminal; undefined when the user cancels. */
  promptLine(question: string): Promise<string | undefined>;
  /** Resolves with the signal's name on Ctrl+C (SIGINT) or SIGTERM. */
  waitForStop(): Promise<string>;
}

// Arrow keys and other escape sequences are dropped, not typed into the secret.
const ESCAPES = /\u001b\[[0-9;]*[A-Za-z~]|\u001b./g;

export function nodeIo(): CliIo {
  const stdin = process.stdin;
  return {
    env: process.env,
    cwd: process.cwd(),
    stdinIsTTY: stdin.isTTY === true,
    stdoutIsTTY: process.stdout.isTTY === true,
    out: (text) => void process.stdout.write(text),
    outBytes: (bytes) => void process.stdout.write(bytes),
    err: (text) => void process.stderr.write(text),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
      return Buffer.concat(chunks).toString('utf8');
    },
    promptHidden(question) {
      return new Promise((resolve) => {
        let value = '';
        const finish = (result: string | undefined) => {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          process.stderr.write('\n');
          resolve(result);
        };
        const onData = (chunk: string) => {
          for (const ch of chunk.replace(ESCAPES, '')) {
            if (ch === '\r' || ch === '\n') return finish(value);
            if (ch === '\u0003') return finish(undefined); // Ctrl+C
            if (ch === '\u0004') return finish(value || undefined); // Ctrl+D
            if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
            else if (ch === '\u0015') value = ''; // Ctrl+U
            else if (ch >= ' ') value += ch;
          }
        };
        // Echo goes off before the prompt shows, so nothing typed in answer to it can be echoed.
        stdin.setEncoding('utf8');
        stdin.setRawMode(true);
        stdin.on('data', onData);
        stdin.resume();
        process.stderr.write(question);
      });
    },
    async promptLine(question) {
      // Loaded when a question is asked: most runs never ask one.
      const { createInterface } = await import('node:readline');
      return new Promise((resolve) => {
        const rl = createInterface({ input: stdin, output: process.stderr, terminal: true });
        let answered = false;
        rl.on('SIGINT', () => rl.close());
        rl.on('close', () => {
          if (!answered) process.stderr.write('\n');
          resolve(answered ? answer : undefined);
        });
        let answer = '';
        rl.question(question, (line) => {
          answered = true;
          answer = line;
          rl.close();
        });
      });
    },
    waitForStop() {
      return new Promise((resolve) => {
        const stop = (signal: string) => {
          process.off('SIGINT', onInt);
          process.off('SIGTERM', onTerm);
          resolve(signal);
        };
        const onInt = () => stop('SIGINT');
        const onTerm = () => stop('SIGTERM');
        process.on('SIGINT', onInt);
        process.on('SIGTERM', onTerm);
      });
    },
  };
}
