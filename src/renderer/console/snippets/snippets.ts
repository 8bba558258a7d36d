/**
 * Code for the request the editor holds, in the languages WeChat developers call it from. The token is the
 * placeholder ACCESS_TOKEN: a snippet is for pasting into code or a chat, never a credential. A multipart
 * upload is shown as one too, its file read from disk by name.
 */
import type { EndpointParam } from '../../../shared/catalogue/model';
import type { FormPart, HttpMethod } from '../../../shared/models';
import { buildCurl, TOKEN_PLACEHOLDER, type FormField } from '../../lib/curl';

export type { FormField } from '../../lib/curl';

export const SNIPPET_LANGS = ['curl', 'fetch', 'python', 'okhttp'] as const;
export type SnippetLang = (typeof SNIPPET_LANGS)[number];

export interface SnippetInput {
  apiBase: string;
  method: HttpMethod;
  path: string;
  query: [string, string][];
  body?: string;
  /** A multipart upload (the catalogue's `form`): its fields replace the JSON body. */
  form?: FormField[];
}

export function requestUrl({ apiBase, path, query }: SnippetInput, token = TOKEN_PLACEHOLDER): string {
  const params = new URLSearchParams([['access_token', token], ...query.filter(([k]) => k && k !== 'access_token')]);
  return `${apiBase.replace(/\/+$/, '')}${path}?${params}`;
}

function parsed(body: string | undefined): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body ?? '') };
  } catch {
    return { ok: false };
  }
}

const hasBody = (input: SnippetInput) => input.method === 'POST' && (input.body ?? '').trim() !== '';

/** Where a snippet reads a file the user has not chosen yet. */
export const FILE_PLACEHOLDER = 'path/to/file';
const baseName = (file: string) => file.split('/').pop()!;

/**
 * A multipart endpoint's fields as snippets show them: every file field (the chosen file's name, or the
 * placeholder), and the text fields that have a value.
 */
export function snippetForm(fields: readonly EndpointParam[], values: Readonly<Record<string, FormPart>>): FormField[] {
  return fields.flatMap((f): FormField[] => {
    const v = values[f.name];
    if (f.type === 'file') return [{ name: f.name, file: v?.file?.filename ?? FILE_PLACEHOLDER, contentType: v?.file?.contentType ?? 'application/octet-stream' }];
    return v?.value ? [{ name: f.name, value: v.value }] : [];
  });
}

const isForm = (input: SnippetInput): input is SnippetInput & { form: FormField[] } => input.method === 'POST' && input.form !== undefined;

/** Node 20+ (fetch, FormData and openAsBlob are built in). */
function fetchFormSnippet(input: SnippetInput & { form: FormField[] }): string {
  const lines = [...(input.form.some((f) => 'file' in f) ? ["import { openAsBlob } from 'node:fs';", ''] : []), 'const form = new FormData();'];
  for (const f of input.form) {
    lines.push('file' in f
      ? `form.append(${JSON.stringify(f.name)}, await openAsBlob(${JSON.stringify(f.file)}, { type: ${JSON.stringify(f.contentType)} }), ${JSON.stringify(baseName(f.file))});`
      : `form.append(${JSON.stringify(f.name)}, ${JSON.stringify(f.value)});`);
  }
  lines.push(`const res = await fetch(${JSON.stringify(requestUrl(input))}, { method: 'POST', body: form });`, 'console.log(await res.json());');
  return lines.join('\n');
}

function fetchSnippet(input: SnippetInput): string {
  if (isForm(input)) return fetchFormSnippet(input);
  const url = JSON.stringify(requestUrl(input));
  if (!hasBody(input)) {
    return [`const res = await fetch(${url}${input.method === 'GET' ? '' : `, { method: '${input.method}' }`});`, 'console.log(await res.json());'].join('\n');
  }
  const json = parsed(input.body);
  const body = json.ok ? `JSON.stringify(${JSON.stringify(json.value, null, 2).replace(/\n/g, '\n  ')})` : JSON.stringify(input.body);
  return [
    `const res = await fetch(${url}, {`,
    `  method: '${input.method}',`,
    `  headers: { 'Content-Type': 'application/json' },`,
    `  body: ${body},`,
    '});',
    'console.log(await res.json());',
  ].join('\n');
}

/** A JSON value as a Python literal (True / False / None). */
function python(value: unknown, indent = ''): string {
  const inner = `${indent}    `;
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string' || typeof value === 'number') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${python(v, inner)}`).join(',\n')},\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${python(v, inner)}`).join(',\n')},\n${indent}}`;
}

function pythonSnippet(input: SnippetInput): string {
  const fn = input.method.toLowerCase();
  const lines = ['import requests', '', `resp = requests.${fn}(`, `    ${JSON.stringify(requestUrl(input))},`];
  if (isForm(input)) {
    const files = input.form.flatMap((f) => ('file' in f ? [`${JSON.stringify(f.name)}: (${JSON.stringify(baseName(f.file))}, open(${JSON.stringify(f.file)}, "rb"), ${JSON.stringify(f.contentType)})`] : []));
    const data = input.form.flatMap((f) => ('value' in f ? [`${JSON.stringify(f.name)}: ${JSON.stringify(f.value)}`] : []));
    if (files.length) lines.push(`    files={${files.join(', ')}},`);
    if (data.length) lines.push(`    data={${data.join(', ')}},`);
  } else if (hasBody(input)) {
    const json = parsed(input.body);
    if (json.ok) lines.push(`    json=${python(json.value, '    ')},`);
    else lines.push(`    data=${JSON.stringify(input.body)}.encode("utf-8"),`, '    headers={"Content-Type": "application/json"},');
  }
  lines.push('    timeout=10,', ')', 'print(resp.json())');
  return lines.join('\n');
}

/** Java string literal of any text. */
const java = (text: string) => JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

function okhttpSnippet(input: SnippetInput): string {
  const lines = ['OkHttpClient client = new OkHttpClient();'];
  const post = input.method === 'POST';
  if (isForm(input)) {
    lines.push('RequestBody body = new MultipartBody.Builder()', '    .setType(MultipartBody.FORM)');
    for (const f of input.form) {
      lines.push('file' in f
        ? `    .addFormDataPart(${java(f.name)}, ${java(baseName(f.file))}, RequestBody.create(new File(${java(f.file)}), MediaType.get(${java(f.contentType)})))`
        : `    .addFormDataPart(${java(f.name)}, ${java(f.value)})`);
    }
    lines.push('    .build();');
  } else if (post) {
    const json = parsed(input.body);
    const text = json.ok ? JSON.stringify(json.value) : (input.body ?? '');
    lines.push(`RequestBody body = RequestBody.create(${java(text)}, MediaType.get("application/json; charset=utf-8"));`);
  }
  lines.push('Request request = new Request.Builder()', `    .url(${java(requestUrl(input))})`);
  if (post) lines.push('    .post(body)');
  lines.push('    .build();', 'try (Response response = client.newCall(request).execute()) {', '    System.out.println(response.body().string());', '}');
  return lines.join('\n');
}

export function buildSnippet(lang: SnippetLang, input: SnippetInput): string {
  switch (lang) {
    case 'curl':
      return buildCurl({ ...input, body: hasBody(input) ? input.body : undefined, form: isForm(input) ? input.form : undefined });
    case 'fetch':
      return fetchSnippet(input);
    case 'python':
      return pythonSnippet(input);
    case 'okhttp':
      return okhttpSnippet(input);
  }
}
