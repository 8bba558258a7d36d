/**
 * Shell completion scripts, generated from the command specs so they never fall behind: commands, subcommands,
 * options, fixed values, files, and the saved account and Redis names. Names are read when Tab is pressed,
 * through `wxtoken __complete accounts|redis`, which reads the data folder's files and never the keychain.
 */
import type { CliLang } from './lang';
import { pick } from './lang';
import type { CommandSpec, ValueHint } from './spec';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

interface Model {
  top: string[];
  groups: Record<string, string[]>;
  visible: CommandSpec[];
}

function model(specs: CommandSpec[], groups: string[]): Model {
  const visible = specs.filter((s) => !s.hidden);
  const top = [...new Set(visible.map((s) => s.name.split(' ')[0]))];
  const byGroup = Object.fromEntries(groups.map((g) => [g, visible.filter((s) => s.name.startsWith(`${g} `)).map((s) => s.name.slice(g.length + 1))]));
  return { top: [...top, 'help'], groups: byGroup, visible };
}

const sq = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const longOptions = (spec: CommandSpec) => [...Object.keys(spec.options).map((k) => `--${k}`), '--help'];
const valueOptions = (spec: CommandSpec) => Object.entries(spec.options).filter(([, o]) => o.type === 'string');

/** The bash code that offers a hint's values for the word being completed (`$cur`). */
function bashOffer(hint: ValueHint): string {
  if (hint === 'file') return '_wxtoken_files';
  if (hint === 'account') return '_wxtoken_names accounts';
  if (hint === 'redis') return '_wxtoken_names redis';
  return `_wxtoken_words ${sq(hint.join(' '))}`;
}

export function bashScript(specs: CommandSpec[], groups: string[]): string {
  const m = model(specs, groups);
  const groupCases = Object.entries(m.groups).map(([g, subs]) => `          ${g}) _wxtoken_words ${sq(subs.join(' '))} ;;`);
  const keyCases = m.visible.map((s) => {
    const takes = valueOptions(s).map(([k]) => `--${k}`);
    return `    ${sq(s.name)}) opts=${sq(longOptions(s).join(' '))}; takes=${sq(` ${takes.join(' ')} `)} ;;`;
  });
  const valueCases = m.visible.flatMap((s) =>
    valueOptions(s)
      .filter(([, o]) => o.values)
      .map(([k, o]) => `      ${sq(`${s.name} --${k}`)}) ${bashOffer(o.values!)} ;;`),
  );
  const positionalCases = m.visible.flatMap((s) =>
    s.positionals.flatMap((p, i) => {
      const hint = s.complete?.[p.replace(/\?$/, '')];
      return hint ? [`    ${sq(`${s.name} ${i}`)}) ${bashOffer(hint)} ;;`] : [];
    }),
  );
  return `# wxtoken completion for bash. Load it with: source <(wxtoken completion bash)
_wxtoken_words() { COMPREPLY=($(compgen -W "$1" -- "$cur")); }
_wxtoken_files() {
  compopt -o filenames 2>/dev/null
  COMPREPLY=($(compgen -f -- "$cur"))
}
# Saved names, read when Tab is pressed; the wxtoken that is being completed answers.
_wxtoken_names() {
  local name
  COMPREPLY=()
  while IFS= read -r name; do
    [[ -n $name && $name == "$cur"* ]] && COMPREPLY+=("$name")
  done < <("$prog" __complete "$1" 2>/dev/null)
}
_wxtoken() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prog=\${COMP_WORDS[0]} key start i w n=0 opts takes prev
  COMPREPLY=()
  if ((COMP_CWORD == 1)); then
    if [[ $cur == -* ]]; then _wxtoken_words '--help --version'; else _wxtoken_words ${sq(m.top.join(' '))}; fi
    return
  fi
  case \${COMP_WORDS[1]} in
    help)
      ((COMP_CWORD == 2)) && _wxtoken_words ${sq(m.top.filter((t) => t !== 'help').join(' '))}
      return ;;
    ${Object.keys(m.groups).join('|') || '__none__'})
      if ((COMP_CWORD == 2)); then
        case \${COMP_WORDS[1]} in
${groupCases.join('\n')}
        esac
        return
      fi
      key="\${COMP_WORDS[1]} \${COMP_WORDS[2]}"; start=3 ;;
    *) key=\${COMP_WORDS[1]}; start=2 ;;
  esac
  case $key in
${keyCases.join('\n')}
    *) return ;;
  esac
  prev=\${COMP_WORDS[COMP_CWORD-1]}
  if ((COMP_CWORD > start)) && [[ $takes == *" $prev "* ]]; then
    case "$key $prev" in
${valueCases.join('\n')}
    esac
    return
  fi
  if [[ $cur == -* ]]; then _wxtoken_words "$opts"; return; fi
  for ((i = start; i < COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]}
    if [[ $takes == *" $w "* ]]; then ((i++)); elif [[ $w != -* ]]; then ((n++)); fi
  done
  case "$key $n" in
${positionalCases.join('\n')}
  esac
}
complete -F _wxtoken wxtoken
`;
}

/** zsh runs the bash function through its bash compatibility layer (bashcompinit), so both behave alike. */
export function zshScript(specs: CommandSpec[], groups: string[]): string {
  const bash = bashScript(specs, groups).replace(/^# wxtoken completion for bash.*\n/, '');
  return `#compdef wxtoken
# wxtoken completion for zsh. Load it with: source <(wxtoken completion zsh)
autoload -U +X compinit && { (( $+functions[compdef] )) || compinit; }
autoload -U +X bashcompinit && bashcompinit
${bash}`;
}

function fishOffer(hint: ValueHint): string {
  if (hint === 'file') return '-r -F';
  if (hint === 'account' || hint === 'redis') return `-x -a ${sq(`(__wxtoken_names ${hint === 'account' ? 'accounts' : 'redis'})`)}`;
  return `-x -a ${sq(hint.join(' '))}`;
}

export function fishScript(specs: CommandSpec[], groups: string[], lang: CliLang): string {
  const m = model(specs, groups);
  const lines: string[] = [];
  const desc = (text: string) => `-d ${sq(text.replace(/\s+/g, ' ').slice(0, 80))}`;
  for (const s of m.visible) {
    const grouped = s.name.includes(' ');
    const [first, sub] = s.name.split(' ');
    if (!grouped) lines.push(`complete -c wxtoken -n __wxtoken_at_top -a ${sq(first)} ${desc(pick(lang, s.summary))}`);
    else lines.push(`complete -c wxtoken -n ${sq(`__wxtoken_is ${first}`)} -a ${sq(sub)} ${desc(pick(lang, s.summary))}`);
    const when = sq(`__wxtoken_is "${s.name}"`);
    for (const [key, o] of Object.entries(s.options)) {
      const value = o.type === 'string' ? (o.values ? fishOffer(o.values) : '-r') : '';
      const short = o.short ? `-s ${o.short} ` : '';
      lines.push(`complete -c wxtoken -n ${when} ${short}-l ${key} ${value} ${desc(pick(lang, o.help))}`.replace(/ {2,}/g, ' '));
    }
    const takes = valueOptions(s).map(([k]) => `--${k}`);
    s.positionals.forEach((p, i) => {
      const hint = s.complete?.[p.replace(/\?$/, '')];
      if (!hint) return;
      const at = sq(`__wxtoken_is "${s.name}"; and __wxtoken_positional ${grouped ? 4 : 3} ${i} ${takes.join(' ')}`.trim());
      lines.push(`complete -c wxtoken -n ${at} ${fishOffer(hint)}`);
    });
  }
  for (const g of Object.keys(m.groups)) lines.push(`complete -c wxtoken -n __wxtoken_at_top -a ${sq(g)}`);
  lines.push(`complete -c wxtoken -n __wxtoken_at_top -a help`);
  return `# wxtoken completion for fish. Load it with: wxtoken completion fish | source
function __wxtoken_words
    set -l words (commandline -opc)
    set -e words[1]
    string join \\n -- $words
end
function __wxtoken_at_top
    test (count (__wxtoken_words)) -eq 0
end
# True when the command typed so far is exactly $argv[1] ("token", "account add", or a group alone).
function __wxtoken_is
    set -l words (__wxtoken_words)
    set -l parts (string split ' ' -- $argv[1])
    switch "$words[1]"
        case ${Object.keys(m.groups).join(' ') || '__none__'}
            if test (count $parts) -eq 1
                test (count $words) -eq 1; and test "$words[1]" = "$parts[1]"
            else
                test (count $words) -ge 2; and test "$words[1] $words[2]" = "$argv[1]"
            end
        case '*'
            test (count $parts) -eq 1; and test (count $words) -ge 1; and test "$words[1]" = "$parts[1]"
    end
end
# True when the next word is positional number $argv[2] (from 0); $argv[1]: the index of the first positional (wxtoken is 1); then the options that take a value.
function __wxtoken_positional
    set -l words (commandline -opc)
    set -l n 0
    set -l skip 0
    set -l i $argv[1]
    set -l takes
    test (count $argv) -ge 3; and set takes $argv[3..-1]
    while test $i -le (count $words)
        set -l w $words[$i]
        if test $skip -eq 1
            set skip 0
        else if contains -- $w $takes
            set skip 1
        else if not string match -q -- '-*' $w
            set n (math $n + 1)
        end
        set i (math $i + 1)
    end
    test $skip -eq 0; and test $n -eq $argv[2]
end
function __wxtoken_names
    set -l words (commandline -opc)
    $words[1] __complete $argv[1] 2>/dev/null
end
complete -c wxtoken -f
complete -c wxtoken -n __wxtoken_at_top -l help -d help
complete -c wxtoken -n __wxtoken_at_top -l version -d version
${lines.join('\n')}
`;
}

export function completionScript(shell: Shell, specs: CommandSpec[], groups: string[], lang: CliLang): string {
  if (shell === 'bash') return bashScript(specs, groups);
  if (shell === 'zsh') return zshScript(specs, groups);
  return fishScript(specs, groups, lang);
}
