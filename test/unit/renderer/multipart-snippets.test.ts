/**
 * Issue 10: code snippets for a multipart upload endpoint (media/upload, add_material): the file goes as a form
 * part under its field name, text fields as values, the token as the ACCESS_TOKEN placeholder, no JSON body.
 */
import { describe, expect, it } from 'vitest';
import { OA_MATERIAL } from '../../../src/shared/catalogue/official-account/material';
import { buildSnippet, FILE_PLACEHOLDER, snippetForm, type SnippetInput } from '../../../src/renderer/console/snippets/snippets';

const addMaterial = OA_MATERIAL.find((e) => e.path === '/cgi-bin/material/add_material')!;
const upload = (form: SnippetInput['form']): SnippetInput => ({
  apiBase: 'https://api.weixin.qq.com',
  method: 'POST',
  path: '/cgi-bin/material/add_material',
  query: [['type', 'video']],
  form,
});
const chosen = snippetForm(addMaterial.form!, {
  media: { name: 'media', file: { filename: 'intro.mp4', contentType: 'video/mp4', base64: 'AAAA' } },
  description: { name: 'description', value: '{"title":"It\'s @ here","introduction":"hi"}' },
});
const URL = 'https://api.weixin.qq.com/cgi-bin/material/add_material?access_token=ACCESS_TOKEN&type=video';

describe('snippets for a multipart upload', () => {
  it('takes the chosen file and the filled text fields from the form, and a placeholder before a file is chosen', () => {
    expect(chosen).toEqual([
      { name: 'media', file: 'intro.mp4', contentType: 'video/mp4' },
      { name: 'description', value: '{"title":"It\'s @ here","introduction":"hi"}' },
    ]);
    expect(snippetForm(addMaterial.form!, {})).toEqual([{ name: 'media', file: FILE_PLACEHOLDER, contentType: 'application/octet-stream' }]);
  });

  it('cURL: the file with -F and its type, a text value taken literally, no JSON header', () => {
    const curl = buildSnippet('curl', upload(chosen));
    expect(curl).toBe(
      `curl -sS -X POST '${URL}' -F 'media=@intro.mp4;type=video/mp4' --form-string 'description={"title":"It'\\''s @ here","introduction":"hi"}'`,
    );
  });

  it('fetch, Python requests and OkHttp send the file as a form part, never as JSON', () => {
    const fetch = buildSnippet('fetch', upload(chosen));
    expect(fetch).toContain(`form.append("media", await openAsBlob("intro.mp4", { type: "video/mp4" }), "intro.mp4");`);
    expect(fetch).toContain(`form.append("description", ${JSON.stringify(chosen[1] && 'value' in chosen[1] ? chosen[1].value : '')});`);
    expect(fetch).toContain(`await fetch("${URL}", { method: 'POST', body: form })`);

    const python = buildSnippet('python', upload(chosen));
    expect(python).toContain(`files={"media": ("intro.mp4", open("intro.mp4", "rb"), "video/mp4")},`);
    expect(python).toContain(`data={"description": `);
    expect(python).not.toContain('json=');

    const okhttp = buildSnippet('okhttp', upload(chosen));
    expect(okhttp).toContain('.setType(MultipartBody.FORM)');
    expect(okhttp).toContain('.addFormDataPart("media", "intro.mp4", RequestBody.create(new File("intro.mp4"), MediaType.get("video/mp4")))');
    expect(okhttp).toContain('.post(body)');

    for (const code of [fetch, python, okhttp]) {
      expect(code).toContain('access_token=ACCESS_TOKEN');
      expect(code).not.toContain('application/json');
    }
  });
});
