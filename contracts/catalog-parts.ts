import { z } from 'zod';
import {
  CatalogFormField,
  CatalogMaterialSpec,
  CatalogTheme,
  PrefillSource,
  TextFieldFormat,
  type CatalogItem,
  type HandledAt,
} from './central-api';

/**
 * What catalog items are built from, each piece written once: the applicant's fields every item
 * starts with, helpers that make a field or a material from a [Chinese, English] pair (so no
 * text can lack its English), and the small language of the district's rows
 * (district-catalog.json): fields and materials several items share are defined once there and
 * named by the rows; an item's own are spelled out in it.
 */

/** A text and its English, side by side. */
export const Bilingual = z.tuple([z.string().trim().min(1).max(200), z.string().trim().min(1).max(200)]);
export type Bilingual = z.infer<typeof Bilingual>;

/** A field as the rows write it: a `text` and required unless said otherwise; `options` make it a `select`. */
const FieldSpec = z.strictObject({
  key: CatalogFormField.shape.key,
  label: Bilingual,
  type: z.enum(['text', 'phone', 'date']).optional(),
  required: z.boolean().optional(),
  prefill: PrefillSource.optional(),
  format: TextFieldFormat.optional(),
  options: z.array(Bilingual).min(2).optional(),
});
type FieldSpec = z.infer<typeof FieldSpec>;

/** A material as the rows write it: required unless said otherwise. */
const MaterialSpec = z.strictObject({ code: CatalogMaterialSpec.shape.code, name: Bilingual, required: z.boolean().optional() });

/** A form field from its key, its label pair and what sets it apart. */
export function formField(key: string, label: Bilingual, o: Omit<FieldSpec, 'key' | 'label'> = {}): CatalogFormField {
  const built: CatalogFormField = {
    key,
    label: label[0],
    labelEn: label[1],
    type: o.options ? 'select' : (o.type ?? 'text'),
    required: o.required ?? true,
  };
  if (o.prefill) built.prefill = o.prefill;
  if (o.format) built.format = o.format;
  if (o.options) {
    built.options = o.options.map(([zh]) => zh);
    built.optionsEn = o.options.map(([, en]) => en);
  }
  return built;
}

/** A material from its code and name pair; needed unless said otherwise. */
export function material(code: string, [name, nameEn]: Bilingual, required = true): CatalogMaterialSpec {
  return { code, name, nameEn, required };
}

/** Who applies: every item asks for them first (name and ID number filled from the card). */
export const APPLICANT_FIELDS: readonly CatalogFormField[] = [
  formField('name', ['姓名', 'Name'], { prefill: 'name' }),
  formField('idNumber', ['公民身份号码', 'ID number'], { prefill: 'idNumber' }),
  formField('phone', ['联系电话', 'Phone'], { type: 'phone' }),
];

/**
 * One livelihood item as a row writes it. The applicant's fields come first by themselves;
 * `fields` name shared fields or spell out their own; `materials` name shared materials (`use`
 * one to change whether it is required) or spell out their own; `days` are the promised working
 * days (0: 即办, done on the spot).
 */
export const LivelihoodRow = z.strictObject({
  code: CatalogMaterialSpec.shape.code,
  theme: CatalogTheme,
  name: Bilingual,
  about: z.tuple([z.string().trim().min(1).max(2000), z.string().trim().min(1).max(2000)]),
  fields: z.array(z.union([z.string(), FieldSpec])),
  materials: z.array(z.union([z.string(), z.strictObject({ use: z.string(), required: z.boolean() }), MaterialSpec])).min(1),
  days: z.number().int().min(0).max(365),
});
export type LivelihoodRow = z.infer<typeof LivelihoodRow>;

/** The rows with the parts they share; a row naming a part that is not defined is refused. */
export const LivelihoodRows = z
  .strictObject({
    sharedFields: z.record(z.string(), FieldSpec),
    sharedMaterials: z.record(z.string(), MaterialSpec),
    items: z.array(LivelihoodRow),
  })
  .superRefine((rows, ctx) => {
    rows.items.forEach((row, index) => {
      for (const f of row.fields)
        if (typeof f === 'string' && !Object.hasOwn(rows.sharedFields, f))
          ctx.addIssue({ code: 'custom', path: ['items', index, 'fields'], message: `${row.code}: no shared field ${f}` });
      for (const m of row.materials) {
        const name = typeof m === 'string' ? m : 'use' in m ? m.use : null;
        if (name !== null && !Object.hasOwn(rows.sharedMaterials, name))
          ctx.addIssue({
            code: 'custom',
            path: ['items', index, 'materials'],
            message: `${row.code}: no shared material ${name}`,
          });
      }
    });
  });
export type LivelihoodRows = z.infer<typeof LivelihoodRows>;

/** The catalog items the rows describe, each handled where `handledAt` says. */
export function livelihoodItems(rows: LivelihoodRows, handledAt: HandledAt): CatalogItem[] {
  const field = (spec: FieldSpec) => {
    const { key, label, ...rest } = spec;
    return formField(key, label, rest);
  };
  const sharedMaterial = (name: string, required?: boolean) => {
    const spec = rows.sharedMaterials[name];
    if (!spec) throw new Error(`no shared material ${name}`);
    return material(spec.code, spec.name, required ?? spec.required);
  };
  const sharedField = (name: string) => {
    const spec = rows.sharedFields[name];
    if (!spec) throw new Error(`no shared field ${name}`);
    return field(spec);
  };
  return rows.items.map((row) => ({
    code: row.code,
    name: row.name[0],
    nameEn: row.name[1],
    category: 'livelihood',
    handledAt,
    theme: row.theme,
    description: row.about[0],
    descriptionEn: row.about[1],
    formFields: [...APPLICANT_FIELDS, ...row.fields.map((f) => (typeof f === 'string' ? sharedField(f) : field(f)))],
    materials: row.materials.map((m) => {
      if (typeof m === 'string') return sharedMaterial(m);
      if ('use' in m) return sharedMaterial(m.use, m.required);
      return material(m.code, m.name, m.required);
    }),
    promisedWorkingDays: row.days,
  }));
}
