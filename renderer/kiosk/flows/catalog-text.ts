import type { CatalogViewItem } from '../../../contracts/cases';
import type { CatalogFormField } from '../../../contracts/central-api';

/**
 * A catalog item as the citizen reads it: in English, every text the central API sent in
 * English (name, description, field labels, materials, bundle parts) replaces the Chinese; a
 * text it did not send stays Chinese rather than blank. Codes, keys and option values are left
 * alone: they are what the host checks and stores. Chinese returns the item itself.
 */
export function localizeItem(item: CatalogViewItem, language: string): CatalogViewItem {
  if (language !== 'en') return item;
  return {
    ...item,
    name: item.nameEn ?? item.name,
    description: item.descriptionEn ?? item.description,
    formFields: item.formFields.map((field) => ({ ...field, label: field.labelEn ?? field.label })),
    materials: item.materials.map((material) => ({ ...material, name: material.nameEn ?? material.name })),
    bundle: item.bundle?.map((part) => ({ ...part, name: part.nameEn ?? part.name })),
  };
}

/**
 * The label of one choice of a select field. The option itself (Chinese) is the value sent to
 * the host, so only what is shown changes: its English at the same index, when there is one.
 */
export function optionLabel(field: CatalogFormField, option: string, language: string): string {
  if (language !== 'en') return option;
  const index = field.options?.indexOf(option) ?? -1;
  return (index < 0 ? undefined : field.optionsEn?.[index]) ?? option;
}
