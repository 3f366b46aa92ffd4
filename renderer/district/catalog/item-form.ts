import { CatalogCategory, HandledAt, type CatalogItem } from '../../../contracts/central-api';

/**
 * The editor's fields over an item: what a district admin changes here (names, description,
 * where it is handled, the promise); the form fields, materials, bundle and stages travel along
 * unchanged (a new item starts without any). The platform validates the result again.
 */
export function itemFromForm(form: FormData, base: CatalogItem | undefined): CatalogItem {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const category = CatalogCategory.safeParse(text('category'));
  const item: CatalogItem = {
    ...(base ?? { code: text('code'), category: category.success ? category.data : 'other', formFields: [], materials: [] }),
    name: text('name'),
    nameEn: text('nameEn'),
    promisedWorkingDays: Number(text('promisedWorkingDays')),
  };
  const handledAt = HandledAt.safeParse(text('handledAt'));
  if (handledAt.success) item.handledAt = handledAt.data;
  else delete item.handledAt;
  const description = text('description');
  if (description !== '') item.description = description;
  else delete item.description;
  return item;
}
