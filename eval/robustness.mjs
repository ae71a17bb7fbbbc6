// npm run eval:robustness — no input can hang, crash or exhaust a run (issue 12).
// Builds each kind of bad input in a temp folder at run time (nothing hostile is committed), runs a real
// `newsdesk digest` child process on it with examples/ beside it and a file --db, and prints a table:
// case, wall time, peak RSS, the messages naming the bad input, and whether every good file was read.
// Fails on a hang (more than HANG_S seconds of CPU time, or no CPU used for STALL_S seconds: a run
// blocked on a FIFO uses none; KILL_S of wall time is a last resort), a crash (a stack trace, or no digest JSON), a lost good file, a
// bad input no message names, or a peak RSS over MAX_RSS_MB. CPU time is the limit, not wall time,
// because this machine is shared: under a load of 16 on 2 cores, digesting examples/ alone (5 s of CPU)
// took 50 s of wall time. Both are printed, with the load average.
// Usage: node eval/robustness.mjs [case-name-filter ...]
import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cli, root } from './harness.mjs';

const HANG_S = 60;
const STALL_S = 60;
const KILL_S = Number(process.env.ROBUSTNESS_KILL_S ?? 900);
const MAX_RSS_MB = 1536;
const CONCURRENCY = 2;
const filters = process.argv.slice(2);

const examples = join(root, 'examples');
const goodFiles = (function list(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? list(join(dir, e.name)) : /\.(txt|md|html?)$/.test(e.name) ? [join(dir, e.name)] : []);
})(examples);

// ---- inputs: our own fictional text, made hostile by size and shape -----------------------------------

const ARTICLE = [
  '한빛전자, 새 반도체 공장 착공',
  '',
  '한빛일보 = 김하늘 기자',
  '',
  '한빛전자가 4일 충남 아산에서 새 반도체 공장 착공식을 열었다고 밝혔다. 투자 규모는 3조 2천억원이다.',
  '',
  '박서준 한빛전자 대표는 “2027년까지 양산을 시작하겠다”고 말했다.',
  '',
  'ⓒ 한빛일보, 무단 전재 및 재배포 금지',
].join('\n');

const repeat = (unit, chars) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
const MB = 1024 * 1024;

/** Korean news-like text of about `bytes` UTF-8 bytes, every paragraph different. */
function realText(bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = `한빛전자는 ${i + 1}번째 설명회에서 매출 ${(i % 90) + 10}조 ${i % 9}천억원, 영업이익 ${(i % 40) + 1}.${i % 10}%를 제시했다고 밝혔다. ` +
      `김민준 대표는 “${i}번째 목표를 달성하겠다”고 말했다.\n\n`;
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return parts.join('');
}

function utf16(text, { bom, be = false }) {
  const le = Buffer.from(text, 'utf16le');
  const body = be ? Buffer.from(le).swap16() : le;
  return bom ? Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), body]) : body;
}

/** A gzip that expands to `members` × 64 MB of zeros: gzip members concatenate, so it is built in a moment. */
function gzipBomb(members) {
  const one = gzipSync(Buffer.alloc(64 * MB));
  return Buffer.concat(Array.from({ length: members }, () => one));
}

const aliasBomb = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill('*' + 'abcdefghi'[i]).join(',')}]`),
  'title: 폭탄', '---', '', ARTICLE].join('\n');

/** A text file of `mb` MB: a 1 MB block of realText, each copy marked with its number (written block by block). */
function bigText(dir, name, mb) {
  const block = realText(MB - 64);
  const path = join(dir, name);
  writeFileSync(path, '');
  for (let i = 0; i < mb - 1; i++) appendFileSync(path, `${i + 1}번째 묶음\n\n${block}`);
  return path;
}

const write = (dir, name, data) => {
  writeFileSync(join(dir, name), data);
  return join(dir, name);
};

/**
 * Every case: `make(dir)` builds the bad input(s) in `dir` and returns { inputs, args? }.
 * `named`: the bad input must be named in at least one message (default true).
 */
const CASES = [
  { name: 'empty file', make: (d) => ({ inputs: [write(d, 'empty.txt', '')] }) },
  { name: 'binary bytes', make: (d) => ({ inputs: [write(d, 'binary.txt', Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 7919) % 256)))] }) },
  { name: 'invalid UTF-8', make: (d) => ({ inputs: [write(d, 'bad-utf8.txt', Buffer.concat([Buffer.from(ARTICLE), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc])]))] }), named: false },
  { name: 'UTF-16 LE with BOM', make: (d) => ({ inputs: [write(d, 'utf16le-bom.txt', utf16(ARTICLE, { bom: true }))] }), named: false },
  { name: 'UTF-16 LE without BOM', make: (d) => ({ inputs: [write(d, 'utf16le.txt', utf16(ARTICLE, { bom: false }))] }), named: false },
  { name: 'UTF-16 BE with BOM', make: (d) => ({ inputs: [write(d, 'utf16be-bom.txt', utf16(ARTICLE, { bom: true, be: true }))] }), named: false },
  { name: 'EUC-KR HTML without meta', make: async (d) => {
    const { default: iconv } = await import('iconv-lite');
    return { inputs: [write(d, 'euckr.html', iconv.encode(`<html><body><h1>한빛전자 착공</h1><p>${ARTICLE.replace(/\n+/g, '</p><p>')}</p></body></html>`, 'euc-kr'))] };
  }, named: false },
  { name: 'NUL bytes', make: (d) => ({ inputs: [write(d, 'nul.txt', ARTICLE.replace(/ /g, '\0'))] }) },
  { name: 'broken gzip', make: (d) => ({ inputs: [write(d, 'broken.txt.gz', gzipSync(Buffer.from(ARTICLE)).subarray(0, 40))] }) },
  { name: 'gzip bomb (2 GB of zeros)', make: (d) => ({ inputs: [write(d, 'bomb.txt.gz', gzipBomb(32))] }) },
  { name: 'invalid YAML front matter', make: (d) => ({ inputs: [write(d, 'bad-yaml.md', `---\ntitle: [unclosed\n  : : :\n---\n\n${ARTICLE}`)] }) },
  { name: 'YAML alias bomb', make: (d) => ({ inputs: [write(d, 'alias-bomb.md', aliasBomb)] }) },
  { name: 'hostile slug and title', make: (d) => ({ inputs: [write(d, 'slug.md', `---\ntitle: "../../../etc/passwd {% raw %}<script>alert(1)</script> \\u202e${'가'.repeat(300)}"\nslug: "../../../../tmp/evil"\npermalink: "/../../x"\n---\n\n${ARTICLE}`)] }), named: false },
  { name: 'far past date', make: (d) => ({ inputs: [write(d, 'past.md', `---\ntitle: 고대의 기사\ndate: 0001-01-01\n---\n\n${ARTICLE.replace('4일', '기원전 3000년 1월 1일')}`)] }), named: false },
  { name: 'far future date', make: (d) => ({ inputs: [write(d, 'future.md', `---\ntitle: 먼 미래의 기사\ndate: 275760-09-13\n---\n\n${ARTICLE.replace('4일', '9999년 12월 31일')}`)] }), named: false },
  { name: '3 MB run of 억', make: (d) => ({ inputs: [write(d, 'eok.txt', repeat('억', MB))] }) },
  { name: '3 MB run of 조', make: (d) => ({ inputs: [write(d, 'jo.txt', repeat('조', MB))] }) },
  { name: '3 MB of digits with commas', make: (d) => ({ inputs: [write(d, 'commas.txt', repeat('1,000,000,', 3 * MB))] }) },
  { name: '3 MB run of ·', make: (d) => ({ inputs: [write(d, 'middot.txt', repeat('·', 1.5 * MB))] }) },
  { name: '3 MB of dates', make: (d) => ({ inputs: [write(d, 'dates.txt', repeat('2025년 2월 4일 ', 3 * MB / 2))] }) },
  { name: '3 MB of spaces inside words', make: (d) => ({ inputs: [write(d, 'spaced.txt', repeat('삼 성 전 자 는 ', 3 * MB / 2))] }) },
  { name: '5 MB line, no spaces (ASCII)', make: (d) => ({ inputs: [write(d, 'ascii-line.txt', repeat('a', 5 * MB))] }) },
  { name: '5 MB line, no spaces (Hangul)', make: (d) => ({ inputs: [write(d, 'hangul-line.txt', repeat('가', 5 * MB / 3))] }) },
  { name: '9 MB single-line HTML', make: (d) => ({ inputs: [write(d, 'one-line.html', `<html><body><article>${repeat(`<p>${ARTICLE.replace(/\n/g, ' ')}</p>`, 9 * MB / 1.6)}</article></body></html>`)] }) },
  { name: 'Markdown full of autolinks', make: (d) => ({ inputs: [write(d, 'autolinks.md', repeat('<https://example.com/a/b?c=d> ', 2 * MB))] }) },
  { name: '20 MB of text, --max-file-mb 20', make: (d) => ({ inputs: [bigText(d, 'big20.txt', 20)], args: ['--max-file-mb', '20'] }) },
  { name: '200 MB of text, --max-file-mb 200', make: (d) => ({ inputs: [bigText(d, 'big200.txt', 200)], args: ['--max-file-mb', '200'] }) },
  { name: 'file over the size cap', make: (d) => ({ inputs: [write(d, 'over-cap.txt', realText(11 * MB))] }) },
  { name: 'opening “ never closed', make: (d) => ({ inputs: [write(d, 'open-quote.txt', `${ARTICLE}\n\n“${realText(300_000).replace(/[“”\n]/g, ' ')}`)] }) },
  { name: '150,000 non-article files', make: (d) => {
    const dir = join(d, 'many');
    mkdirSync(dir);
    for (let i = 0; i < 150_000; i++) writeFileSync(join(dir, `f${i}.json`), '');
    return { inputs: [dir] };
  } },
  { name: 'symlink loop', make: (d) => {
    const dir = join(d, 'loop');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    symlinkSync(dir, join(dir, 'again'));
    symlinkSync('self', join(dir, 'self'));
    return { inputs: [dir] };
  } },
  { name: 'symlink out to a large tree', make: (d) => {
    const dir = join(d, 'out');
    mkdirSync(dir);
    symlinkSync('/usr', join(dir, 'usr'));
    return { inputs: [dir] };
  } },
  { name: 'FIFO in the folder', make: (d) => {
    const dir = join(d, 'fifo');
    mkdirSync(dir);
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    return { inputs: [dir] };
  } },
  { name: 'socket in the folder', make: async (d) => {
    const dir = join(d, 'sock');
    mkdirSync(dir);
    const server = createNetServer();
    await new Promise((ok) => server.listen(join(dir, 'socket.txt'), ok));
    return { inputs: [dir], cleanup: () => server.close() };
  } },
  { name: '/dev/zero as input', make: () => ({ inputs: ['/dev/zero'] }) },
  { name: '100,000 nested <div>s', make: (d) => ({ inputs: [write(d, 'nested.html', `<html><body>${'<div>'.repeat(100_000)}<p>${ARTICLE}</p>${'</div>'.repeat(100_000)}</body></html>`)] }), named: false },
  { name: '기자 repeated', make: (d) => ({ inputs: [write(d, 'gija.txt', repeat('기자 ', 1 * MB))] }) },
  { name: 'page of bracketed bylines', make: (d) => ({ inputs: [write(d, 'bylines.txt', repeat('[한빛일보 김하늘 기자]\n', 1 * MB))] }) },
  { name: 'ordinary 1 MB article', make: (d) => ({ inputs: [write(d, 'long-article.txt', realText(1 * MB))] }) },
  { name: '20,000 tiny files', make: (d) => {
    const dir = join(d, 'tiny');
    mkdirSync(dir);
    for (let i = 0; i < 20_000; i++) writeFileSync(join(dir, `t${i}.txt`), `짧은 글 ${i}번`);
    return { inputs: [dir] };
  } },
  { name: 'control and bidi characters', make: (d) => ({ inputs: [write(d, 'controls.txt', `\u202e\u0007\u001b[31m${ARTICLE}\u0000\u200b\ufeff\u2028`)] }), named: false },
  { name: 'deep brackets and quotes', make: (d) => ({ inputs: [write(d, 'brackets.txt', `${ARTICLE}\n\n${'(「『“'.repeat(50_000)}${'”』」)'.repeat(50_000)}`)] }) },
  { name: 'robots.txt that backtracks', web: 'robots-backtrack' },
  { name: 'oversized robots.txt', web: 'robots-huge' },
  { name: 'slow-drip body', web: 'slow-drip' },
];

// ---- a hostile site on 127.0.0.1 -----------------------------------------------------------------------

function hostileSite() {
  const page = `<html><head><title>한빛전자 착공</title></head><body><article>${ARTICLE.split('\n').map((l) => `<p>${l}</p>`).join('')}</article></body></html>`;
  const backtracking = `User-agent: *\n${Array.from({ length: 200 }, (_, i) => `Disallow: /${'*a'.repeat(30 + (i % 5))}*b$`).join('\n')}\n`;
  const drips = new Set();
  const server = createServer((req, res) => {
    const [site, path] = req.url.split('/').filter(Boolean);
    if (path === 'robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      if (site === 'robots-backtrack') return res.end(backtracking);
      if (site === 'robots-huge') {
        // 40 MB of rules, streamed: a cap on robots.txt must stop reading long before the end
        let sent = 0;
        const more = () => {
          while (sent < 40 * MB) {
            sent += 64 * 1024;
            if (!res.write(`Disallow: /${'x'.repeat(64 * 1024 - 12)}\n`)) return res.once('drain', more);
          }
          res.end();
        };
        res.write('User-agent: *\n');
        return more();
      }
      return res.end('User-agent: *\nAllow: /\n');
    }
    if (site === 'slow-drip') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const timer = setInterval(() => res.write(' '), 500);
      drips.add(timer);
      res.on('close', () => clearInterval(timer));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  return {
    listen: () => new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server.address().port))),
    close: () => { for (const t of drips) clearInterval(t); server.closeAllConnections(); server.close(); },
  };
}

// ---- running one case --------------------------------------------------------------------------------

/** CPU time (user + system, every thread) of a running process in seconds; 0 once it has exited. */
const cpuSeconds = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
};

/** Peak resident set of a running process (VmHWM), polled; 0 once it has exited. */
const peakRss = (pid) => {
  try {
    return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};

function runDigest(inputs, args, dir) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, 'digest', examples, ...inputs, '--json', join(dir, 'out.json'), '--out', join(dir, 'posts'), '--db', join(dir, 'run.db'), '--quiet', ...args], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (c) => { if (stderr.length < 4 * MB) stderr += c; });
    let rss = 0;
    let cpu = 0;
    let hung = false;
    let progressed = Date.now();
    const poll = setInterval(() => {
      rss = Math.max(rss, peakRss(child.pid));
      const now = cpuSeconds(child.pid);
      if (now > cpu) progressed = Date.now();
      cpu = Math.max(cpu, now);
      if (hung) return;
      if (cpu > HANG_S) hung = `over ${HANG_S} s of CPU time`;
      else if (Date.now() - progressed > STALL_S * 1000) hung = `no CPU used for ${STALL_S} s (blocked)`;
      if (hung) child.kill('SIGKILL');
    }, 50);
    const killer = setTimeout(() => { hung = `no end after ${KILL_S} s of wall time`; child.kill('SIGKILL'); }, KILL_S * 1000);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      clearTimeout(killer);
      resolve({ code, signal, hung, stderr, rss, cpu, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    });
  });
}

async function runCase(c, port) {
  const dir = mkdtempSync(join(tmpdir(), 'nd-robust-'));
  try {
    const built = c.web
      ? { inputs: [`http://127.0.0.1:${port}/${c.web}/article.html`], args: ['--allow-host', '127.0.0.1', '--delay', '0', '--retries', '1', '--timeout', '10s'] }
      : await c.make(dir);
    const run = await runDigest(built.inputs, built.args ?? [], dir);
    built.cleanup?.();
    const problems = [];
    if (run.hung) problems.push(`hang (killed: ${run.hung})`);
    if (run.rss > MAX_RSS_MB) problems.push(`peak RSS ${run.rss.toFixed(0)} MB`);
    if (/^\s+at .+\(.+:\d+:\d+\)$/m.test(run.stderr)) problems.push('stack trace on stderr');
    let json = null;
    try {
      json = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    } catch {
      problems.push(`no digest JSON (exit ${run.code ?? run.signal})`);
    }
    const read = new Set((json?.documents ?? []).map((d) => d.source));
    const lost = goodFiles.filter((f) => !read.has(f));
    if (json && lost.length) problems.push(`lost ${lost.length} good file(s)`);
    const postsOk = existsSync(join(dir, 'posts')) && readdirSync(join(dir, 'posts')).length > 0;
    if (json && !postsOk) problems.push('no posts written');
    // The messages that name the bad input (stderr lists every warning and error with its source).
    const names = built.inputs.map((i) => (i.startsWith('http') ? i.replace(/\/[^/]*$/, '') : i.startsWith(dir) ? relative(dir, i) : i));
    const lines = run.stderr.split('\n').filter((l) => /^\s+(error|warning) /.test(l) && names.some((n) => l.includes(n.startsWith('/') ? n : n.split('/')[0])));
    if (c.named !== false && !lines.length) problems.push('no message names the bad input');
    const rules = [...new Set(lines.map((l) => l.trim().split(' ')[1]))];
    return { name: c.name, seconds: run.seconds, cpu: run.cpu, rss: run.rss, messages: `${lines.length}${rules.length ? ' ' + rules.slice(0, 3).join(', ') : ''}`, good: lost.length || !json ? `${goodFiles.length - lost.length}/${goodFiles.length}` : 'all', problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- main --------------------------------------------------------------------------------------------

if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npx tsc -p .\` first`);
const chosen = CASES.filter((c) => !filters.length || filters.some((f) => c.name.includes(f)));
const loadBefore = loadavg().map((l) => l.toFixed(1)).join(' ');
const site = hostileSite();
const port = await site.listen();
const results = new Array(chosen.length);
let next = 0;
const started = Date.now();
await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
  while (next < chosen.length) {
    const i = next++;
    results[i] = await runCase(chosen[i], port);
    const r = results[i];
    process.stderr.write(`${r.problems.length ? 'FAIL' : 'ok  '} ${r.name} (${r.seconds.toFixed(1)} s)\n`);
  }
}));
site.close();

const head = ['case', 'wall', 'CPU', 'peak RSS', 'messages naming it', 'good files', 'result'];
const rows = results.map((r) => [r.name, `${r.seconds.toFixed(1)} s`, `${r.cpu.toFixed(1)} s`, `${r.rss.toFixed(0)} MB`, r.messages, r.good, r.problems.length ? `FAIL: ${r.problems.join('; ')}` : 'ok']);
const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => `| ${r.map((c, i) => c.padEnd(width[i])).join(' | ')} |`;
console.log([line(head), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
const failed = results.filter((r) => r.problems.length);
console.log(`robustness: ${results.length - failed.length}/${results.length} cases pass (${CASES.length} kinds of bad input; ${((Date.now() - started) / 1000).toFixed(0)} s in all; load average ${loadBefore} before, ${loadavg().map((l) => l.toFixed(1)).join(' ')} after)`);
if (failed.length) process.exitCode = 1;
