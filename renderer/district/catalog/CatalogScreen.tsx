import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogCategory, HandledAt, type CatalogItem, type CatalogResponse } from '../../../contracts/central-api';
import { DeskTable } from '../../manager/DeskTable';
import { DistrictClientError } from '../district-client';
import { DISTRICT_KEYS, formatDateTime, useDistrictClient, useDistrictSession } from '../session';
import { itemFromForm } from './item-form';

const CATALOG_KEY = [...DISTRICT_KEYS.all, 'catalog'] as const;

type Editing = { mode: 'add' } | { mode: 'edit'; item: CatalogItem } | null;

/**
 * 事项目录: the one catalog every hall is served, its version, each item with where it is handled
 * and its promise; a district admin edits an item, adds one, retires one and restores a retired
 * one. Every change names the version it was made on: someone else's change meanwhile is refused,
 * and the catalog is read again.
 */
export default function CatalogScreen() {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const queryClient = useQueryClient();
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const [done, setDone] = useState<string | null>(null);
  const catalog = useQuery({ queryKey: CATALOG_KEY, queryFn: client.catalog });
  const canChange = session.may('editCatalogItem');
  const version = catalog.data?.version ?? 0;

  const change = useMutation({
    mutationFn: (action: { kind: 'save' | 'restore'; item: CatalogItem } | { kind: 'retire'; item: CatalogItem }) => {
      if (action.kind === 'retire') return client.retireCatalogItem(version, action.item.code);
      if (action.kind === 'restore' || editing?.mode !== 'edit') return client.addCatalogItem(version, action.item);
      return client.editCatalogItem(version, action.item);
    },
    onSuccess: (next: CatalogResponse, action) => {
      setEditing(null);
      setDone(
        action.kind === 'retire'
          ? t('dstCatalog.retired', { name: action.item.name })
          : action.kind === 'restore'
            ? t('dstCatalog.restored', { name: action.item.name })
            : t('dstCatalog.saved', { version: next.version }),
      );
      void queryClient.invalidateQueries({ queryKey: CATALOG_KEY });
    },
    onError: (error) => {
      setDone(null);
      session.failed(error);
      // Someone else's change: read the catalog again so the next try is made on it.
      if (error instanceof DistrictClientError && error.code === 'catalog_changed')
        void queryClient.invalidateQueries({ queryKey: CATALOG_KEY });
    },
  });

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (editing === null) return;
    const item = itemFromForm(new FormData(e.currentTarget), editing.mode === 'edit' ? editing.item : undefined);
    change.mutate({ kind: 'save', item });
  };

  const place = (item: CatalogItem) => t(`dstCatalog.places.${item.handledAt ?? 'none'}`);
  const data = catalog.data;
  return (
    <section className="dst-section" aria-labelledby="dst-catalog-title">
      <h2 id="dst-catalog-title">{t('dstCatalog.title')}</h2>
      {data && (
        <p className="console-muted" data-testid="dst-catalog-version">
          {t('dstCatalog.version', { version: data.version, time: formatDateTime(data.updatedAt, i18n.language) })}
        </p>
      )}
      {!canChange && <p className="console-notice">{t('dstCatalog.adminsOnly')}</p>}
      {done && (
        <p className="console-done" role="status">
          {done}
        </p>
      )}
      {(catalog.error ?? change.error) && (
        <p className="error" role="alert">
          {session.describeError(catalog.error ?? change.error)}
        </p>
      )}
      {canChange && editing === null && (
        <div className="console-actions">
          <button type="button" className="console-button console-primary" onClick={() => setEditing({ mode: 'add' })}>
            {t('dstCatalog.add')}
          </button>
        </div>
      )}
      {editing && (
        <ItemForm
          key={editing.mode === 'edit' ? editing.item.code : 'new'}
          item={editing.mode === 'edit' ? editing.item : undefined}
          busy={change.isPending}
          onSubmit={submit}
          onCancel={() => setEditing(null)}
        />
      )}
      {data && (
        <DeskTable<CatalogItem>
          testId="dst-catalog"
          rows={data.items}
          rowKey={(item) => item.code}
          rowAttributes={(item) => ({ 'data-item': item.code })}
          columns={[
            { header: t('dstCatalog.columns.code'), cell: (item) => item.code },
            { header: t('dstCatalog.columns.name'), rowHeader: true, cell: (item) => item.name },
            { header: t('dstCatalog.columns.category'), cell: (item) => t(`dstCatalog.categories.${item.category}`) },
            { header: t('dstCatalog.columns.handledAt'), cell: place },
            {
              header: t('dstCatalog.columns.days'),
              num: true,
              cell: (item) =>
                item.promisedWorkingDays === 0
                  ? t('dstCatalog.sameDay')
                  : t('dstCatalog.days', { count: item.promisedWorkingDays }),
            },
            ...(canChange
              ? [
                  {
                    header: t('dstCatalog.columns.actions'),
                    cell: (item: CatalogItem) => (
                      <div className="console-row-actions">
                        <button
                          type="button"
                          className="console-button"
                          aria-label={t('dstCatalog.editOf', { name: item.name })}
                          onClick={() => {
                            setDone(null);
                            setEditing({ mode: 'edit', item });
                          }}
                        >
                          {t('dstCatalog.edit')}
                        </button>
                        <button
                          type="button"
                          className="console-button danger"
                          aria-label={t('dstCatalog.retireOf', { name: item.name })}
                          disabled={change.isPending}
                          onClick={() => change.mutate({ kind: 'retire', item })}
                        >
                          {t('dstCatalog.retire')}
                        </button>
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {data && data.retired.length > 0 && (
        <>
          <h3>{t('dstCatalog.retiredTitle')}</h3>
          <ul className="dst-retired" data-testid="dst-catalog-retired">
            {data.retired.map(({ item, retiredAt }) => (
              <li key={item.code}>
                {item.code} {item.name}{' '}
                <span className="console-muted">
                  {t('dstCatalog.retiredAt', { time: formatDateTime(retiredAt, i18n.language) })}
                </span>{' '}
                {canChange && (
                  <button
                    type="button"
                    className="console-button"
                    aria-label={t('dstCatalog.restoreOf', { name: item.name })}
                    disabled={change.isPending}
                    onClick={() => change.mutate({ kind: 'restore', item })}
                  >
                    {t('dstCatalog.restore')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ItemForm({
  item,
  busy,
  onSubmit,
  onCancel,
}: {
  item: CatalogItem | undefined;
  busy: boolean;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  // Opened from a row far down the list: the form comes into view, its first field ready.
  useEffect(() => {
    form.current?.scrollIntoView({ block: 'start' });
    form.current?.querySelector('input')?.focus();
  }, []);
  return (
    <form
      ref={form}
      className="dst-panel dst-form console-fields"
      onSubmit={onSubmit}
      aria-labelledby="dst-item-form-title"
      data-testid="dst-item-form"
    >
      <h3 id="dst-item-form-title">{item ? t('dstCatalog.editing', { code: item.code }) : t('dstCatalog.adding')}</h3>
      {!item && (
        <div className="dst-row">
          <label>
            {t('dstCatalog.code')}
            <input name="code" required maxLength={64} autoComplete="off" />
          </label>
          <label>
            {t('dstCatalog.category')}
            <select name="category" defaultValue="livelihood">
              {CatalogCategory.options.map((c) => (
                <option key={c} value={c}>
                  {t(`dstCatalog.categories.${c}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <div className="dst-row">
        <label>
          {t('dstCatalog.name')}
          <input name="name" required maxLength={200} defaultValue={item?.name} autoComplete="off" />
        </label>
        <label>
          {t('dstCatalog.nameEn')}
          <input name="nameEn" required maxLength={200} defaultValue={item?.nameEn} autoComplete="off" lang="en" />
        </label>
      </div>
      <label>
        {t('dstCatalog.description')}
        <textarea name="description" maxLength={2000} rows={2} defaultValue={item?.description} />
      </label>
      <div className="dst-row">
        <label>
          {t('dstCatalog.handledAt')}
          <select name="handledAt" defaultValue={item?.handledAt ?? ''}>
            <option value="">{t('dstCatalog.places.none')}</option>
            {HandledAt.options.map((p) => (
              <option key={p} value={p}>
                {t(`dstCatalog.places.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dstCatalog.promisedWorkingDays')}
          <input
            name="promisedWorkingDays"
            type="number"
            min={0}
            max={365}
            required
            defaultValue={item?.promisedWorkingDays ?? 5}
          />
        </label>
      </div>
      <div className="console-actions">
        <button type="submit" className="console-button console-primary" disabled={busy}>
          {t('dstCatalog.save')}
        </button>
        <button type="button" className="console-button" onClick={onCancel}>
          {t('dstCatalog.cancel')}
        </button>
      </div>
    </form>
  );
}
