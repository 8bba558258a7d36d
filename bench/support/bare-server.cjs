// The baseline: a bare node:http server answering a constant JSON body (read from stdin) to every request.
// Plain CommonJS, no loader: nothing runs in this process but Node and these lines.
'use strict';
const { createServer } = require('node:http');

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const body = Buffer.concat(chunks);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`));
});
