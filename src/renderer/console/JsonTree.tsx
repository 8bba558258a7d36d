import { memo, useState } from 'react';
import { useT } from '../i18n/use-t';
import { childCount, childEntries, isContainer, OPEN_DEPTH, PAGE_SIZE, scalarText, type JsonContainer } from './json-nodes';

/** A parsed JSON value as a collapsible tree, rendered lazily so a 5 MB response stays responsive. */
export function JsonTree({ value }: { value: unknown }) {
  const { t } = useT();
  return (
    <ul className="json-tree" aria-label={t('console.tree')}>
      <JsonNode label={null} value={value} depth={0} />
    </ul>
  );
}

const JsonNode = memo(function JsonNode({ label, value, depth }: { label: string | null; value: unknown; depth: number }) {
  const { t } = useT();
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const key = label === null ? null : <span className="json-key">{label}: </span>;

  if (!isContainer(value)) {
    return (
      <li>
        {key}
        <span className={`json-${value === null ? 'null' : typeof value}`}>{scalarText(value)}</span>
      </li>
    );
  }
  const container = value as JsonContainer;
  const count = childCount(container);
  const brackets = Array.isArray(container) ? ['[', ']'] : ['{', '}'];
  return (
    <li>
      <button type="button" className="json-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {key}
        <span className="json-meta">
          {brackets[0]}
          {open ? '' : ` ${t('console.items', { n: count })} `}
          {open ? '' : brackets[1]}
        </span>
      </button>
      {open ? (
        <>
          <ul>
            {childEntries(container, limit).map(([k, v]) => (
              <JsonNode key={k} label={k} value={v} depth={depth + 1} />
            ))}
            {count > limit ? (
              <li>
                <button type="button" className="small" onClick={() => setLimit(limit + PAGE_SIZE)}>
                  {t('console.showMore', { shown: limit, total: count })}
                </button>
              </li>
            ) : null}
          </ul>
          <span className="json-meta">{brackets[1]}</span>
        </>
      ) : null}
    </li>
  );
});
