/**
 * Adaptive Cards as a host sees them, without a tenant: templates expanded with `adaptivecards-templating` (what SPFx
 * does with a quick view's `template` and `data`), checked against the schema version a card declares, and rendered
 * with `adaptivecards` 2.11.2 — the renderer SPFx's ACE runtime itself depends on. Used by the preview
 * (`?part=card`) and by the tests.
 *
 * The check: the official JSON Schema files are not published on npm, so the card is parsed by Microsoft's own
 * object model of the declared version (`SerializationContext(targetVersion)`), which reports unknown element and
 * action types, properties and values newer than that version, and invalid values; every property the JSON carries
 * must also be one that object model knows (a misspelt `wrapp` is not silently ignored).
 */
import * as AC from 'adaptivecards';
import * as ACData from 'adaptivecards-templating';

/** A card's JSON. */
export type CardJson = Record<string, unknown>;

/** Expands a template's `${…}` bindings with its data, as the host does. */
export function expandCard(template: object, data: object): CardJson {
  return new ACData.Template(template).expand({ $root: data }) as CardJson;
}

/** The keys under which an element holds its children, and how the parsed object hands them out. */
const CHILDREN: Record<string, (o: AC.SerializableObject, i: number) => AC.SerializableObject | undefined> = {
  body: (o, i) => (o as AC.AdaptiveCard).getItemAt(i),
  items: (o, i) => (o as AC.Container).getItemAt(i),
  columns: (o, i) => (o as AC.ColumnSet).getColumnAt(i),
  inlines: (o, i) => (o as AC.RichTextBlock).getInlineAt(i),
  actions: (o, i) => (o as AC.AdaptiveCard).getActionAt(i),
};

function knownNames(object: AC.SerializableObject): Set<string> {
  const schema = object.getSchema();
  const names = new Set<string>(['type']);
  for (let i = 0; i < schema.getCount(); i++) names.add(schema.getItemAt(i).name);
  return names;
}

function unknownProperties(json: CardJson, object: AC.SerializableObject, where: string, problems: string[]): void {
  const known = knownNames(object);
  for (const [key, value] of Object.entries(json)) {
    const child = CHILDREN[key];
    if (child && Array.isArray(value)) {
      value.forEach((item, i) => {
        const parsed = child(object, i);
        if (parsed && item && typeof item === 'object')
          unknownProperties(item as CardJson, parsed, `${where}.${key}[${i}]`, problems);
      });
    } else if (key === 'selectAction' && value && typeof value === 'object') {
      const parsed = (object as AC.CardElement & { selectAction?: AC.Action }).selectAction;
      if (parsed) unknownProperties(value as CardJson, parsed, `${where}.selectAction`, problems);
    } else if (!known.has(key)) {
      problems.push(`${where}: "${key}" is not a property of ${String(json.type)}`);
    }
  }
}

/** What is wrong with a card against the Adaptive Cards version it declares (empty: nothing). */
export function cardProblems(json: CardJson): string[] {
  const problems: string[] = [];
  if (json.type !== 'AdaptiveCard') problems.push('the root is not an AdaptiveCard');
  const version =
    typeof json.version === 'string' ? AC.Version.parse(json.version, new AC.SerializationContext()) : undefined;
  if (!version || !version.isValid)
    return [...problems, `the card declares no valid version ("${String(json.version)}")`];
  const context = new AC.SerializationContext(version);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  unknownProperties(json, card, 'card', problems);
  return problems;
}

/** Renders a card into an element with a host's look (for the preview); returns the element. */
export function renderCard(
  json: CardJson,
  hostConfig: object,
  onOpenUrl: (url: string) => void,
): HTMLElement | undefined {
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(hostConfig);
  card.onExecuteAction = (action) => {
    if (action instanceof AC.OpenUrlAction && action.url) onOpenUrl(action.url);
  };
  card.parse(json);
  return card.render();
}
