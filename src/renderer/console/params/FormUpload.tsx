import type { EndpointParam } from '../../../shared/catalogue/model';
import type { FormPart } from '../../../shared/models';
import { localize } from '../../../shared/errors/errors';
import { useT } from '../../i18n/use-t';

export type FormValues = Record<string, FormPart>;

/** Reads a chosen file as base64 for the contract (the core builds the multipart body). */
function readFile(file: File): Promise<FormPart['file']> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ filename: file.name, contentType: file.type || 'application/octet-stream', base64: String(reader.result).replace(/^data:[^,]*,/, '') });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** A multipart endpoint's fields (the catalogue's `form`): file pickers and text fields instead of a JSON body. */
export function FormUpload({ fields, values, onChange, onReading }: { fields: EndpointParam[]; values: FormValues; onChange(values: FormValues): void; onReading(delta: 1 | -1): void }) {
  const { t, lang } = useT();
  return (
    <fieldset className="form-upload">
      <legend>{t('console.formUpload')}</legend>
      {fields.map((p) => (
        <div key={p.name} className="param-field">
          <label className="param-name">
            <code>{p.name}</code>
            {p.required ? <abbr className="required" title={t('console.required')}>*</abbr> : null}
            <span className="param-type">{t(p.type === 'file' ? 'console.paramType.file' : 'console.paramType.string')}</span>
          </label>
          {p.type === 'file' ? (
            <input
              type="file"
              aria-label={p.name}
              onChange={async (e) => {
                const file = e.target.files?.[0];
                const next = { ...values };
                delete next[p.name];
                if (!file) return onChange(next);
                // Reading a large file takes a moment: Send waits for it (onReading), or it would go without the file.
                onReading(1);
                try {
                  onChange({ ...next, [p.name]: { name: p.name, file: await readFile(file) } });
                } finally {
                  onReading(-1);
                }
              }}
            />
          ) : (
            <input
              className="mono"
              aria-label={p.name}
              value={values[p.name]?.value ?? ''}
              placeholder={p.sample ?? ''}
              onChange={(e) => onChange({ ...values, [p.name]: { name: p.name, value: e.target.value } })}
            />
          )}
          {p.description ? <div className="param-doc">{localize(p.description, lang)}</div> : null}
        </div>
      ))}
    </fieldset>
  );
}
