// The workbench's one stylesheet, served as /assets/workbench.css. A Korean font stack (Nanum is what
// Debian's fonts-nanum installs), readable at 360 px: columns scroll sideways, tables scroll in place.
export const STYLESHEET = `
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #d0d4d9; --shared: #fff1b8; --solo: #c6dbff; --restored: #d8f5d0; --accent: #0b57d0; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fafafa; line-height: 1.65; word-break: keep-all; overflow-wrap: anywhere;
  font-family: "Pretendard", "Apple SD Gothic Neo", "Noto Sans KR", "Noto Sans CJK KR", "NanumGothic", "Nanum Gothic", "Malgun Gothic", "맑은 고딕", sans-serif; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid #f29900; outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 2; }
header { background: #fff; border-bottom: 1px solid var(--line); padding: 8px 16px; }
header nav { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: center; }
header .brand { font-weight: 700; text-decoration: none; color: var(--ink); }
main { padding: 12px 16px 48px; max-width: 1400px; margin: 0 auto; }
h1 { font-size: 1.4rem; line-height: 1.4; margin: 8px 0 12px; } h2 { font-size: 1.15rem; margin: 28px 0 8px; border-bottom: 1px solid var(--line); }
.muted { color: var(--muted); font-size: .9rem; }
form.filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 8px; align-items: end; background: #fff; padding: 12px; border: 1px solid var(--line); border-radius: 8px; }
label { display: flex; flex-direction: column; font-size: .9rem; gap: 2px; }
input, select, textarea, button { font: inherit; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; max-width: 100%; }
button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); }
.events { list-style: none; padding: 0; } .events li { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; margin: 8px 0; }
.events a.title { font-weight: 600; font-size: 1.05rem; }
.badge { display: inline-block; font-size: .8rem; padding: 0 6px; border-radius: 10px; background: #eceff1; margin-right: 4px; }
.badge.finding { background: #ffe0b2; }
.pager { display: flex; gap: 16px; justify-content: center; margin: 16px 0; }
.columns { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(280px, 1fr); gap: 12px; overflow-x: auto; padding-bottom: 8px; scroll-snap-type: x proximity; }
.column { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; scroll-snap-align: start; min-width: 0; }
.column h3 { margin: 0; font-size: 1rem; } .column h4 { margin: 4px 0 8px; font-size: .95rem; font-weight: 600; }
.sent { border-radius: 3px; scroll-margin-top: 80px; }
.sent.shared { background: var(--shared); }
.sent.solo { border-bottom: 2px dotted #5b8def; }
.sent.restored, p.restored { background: var(--restored); }
.sent:target { outline: 3px solid #f29900; }
.legend span { margin-right: 12px; }
table { border-collapse: collapse; width: 100%; background: #fff; } th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
.table-wrap { overflow-x: auto; }
details { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; margin: 8px 0; }
details li form { display: inline; }
.quote-group { background: #fff; border-left: 4px solid var(--line); padding: 6px 10px; margin: 8px 0; }
.editor { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; } @media (max-width: 800px) { .editor { grid-template-columns: 1fr; } }
.editor textarea { width: 100%; min-height: 60vh; font-family: "D2Coding", "NanumGothicCoding", monospace; font-size: .9rem; }
.preview { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px 16px; overflow-x: auto; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.notice { background: #e8f0fe; border: 1px solid #aecbfa; padding: 8px 12px; border-radius: 6px; }
.error { background: #fce8e6; border: 1px solid #f6aea9; padding: 8px 12px; border-radius: 6px; }
pre.diff { background: #fff; border: 1px solid var(--line); padding: 8px; overflow-x: auto; white-space: pre-wrap; }
pre.diff ins { background: #e6ffec; text-decoration: none; display: block; } pre.diff del { background: #ffebe9; display: block; }
.progress li[data-state="done"]::before { content: "✔ "; color: #188038; }
.progress li[data-state="error"]::before { content: "✖ "; color: #c5221f; }
.progress li[data-state="waiting"]::before, .progress li[data-state="reading"]::before { content: "… "; }
`;
