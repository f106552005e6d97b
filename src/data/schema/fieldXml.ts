/**
 * A column as SharePoint's field SchemaXml, for `fields.createFieldAsXml` with
 * AddFieldInternalNameHint: the one creation call that keeps our ASCII internal names exactly
 * (the typed `fields.add*` helpers derive the internal name from the display name).
 */
import type { IFieldSchema } from './types';

/** `AddFieldOptions.AddFieldInternalNameHint | AddFieldToDefaultView` (8 | 16). */
export const ADD_FIELD_OPTIONS = 24;

/** Escapes text for an XML attribute or element. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function bool(value: boolean | undefined): string {
  return value ? 'TRUE' : 'FALSE';
}

/** The SchemaXml that creates this column. */
export function fieldSchemaXml(field: IFieldSchema): string {
  const attrs: string[] = [
    `Type="${field.type}"`,
    `Name="${escapeXml(field.name)}"`,
    `StaticName="${escapeXml(field.name)}"`,
    `DisplayName="${escapeXml(field.title)}"`,
    `Required="${bool(field.required)}"`,
    `Indexed="${bool(field.indexed)}"`,
    `EnforceUniqueValues="${bool(field.unique)}"`,
  ];
  let inner = '';
  switch (field.type) {
    case 'Text':
      attrs.push(`MaxLength="${field.maxLength || 255}"`);
      break;
    case 'Note':
      attrs.push(`NumLines="6"`, `RichText="${bool(field.richText)}"`);
      if (field.richText) attrs.push(`RichTextMode="FullHtml"`);
      break;
    case 'DateTime':
      attrs.push(`Format="DateOnly"`);
      break;
    case 'Choice':
      attrs.push(`Format="Dropdown"`, `FillInChoice="FALSE"`);
      inner = `<CHOICES>${(field.choices || []).map((c) => `<CHOICE>${escapeXml(c)}</CHOICE>`).join('')}</CHOICES>`;
      break;
    case 'Boolean':
      inner = '<Default>0</Default>';
      break;
    case 'User':
      attrs.push(`UserSelectionMode="PeopleOnly"`);
      break;
    case 'UserMulti':
      attrs.push(`Mult="TRUE"`, `UserSelectionMode="PeopleOnly"`);
      break;
    default:
      break;
  }
  return inner ? `<Field ${attrs.join(' ')}>${inner}</Field>` : `<Field ${attrs.join(' ')} />`;
}
