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
  onSubmit?: (data: unknown) => void,
): HTMLElement | undefined {
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(hostConfig);
  card.onExecuteAction = (action) => {
    if (action instanceof AC.OpenUrlAction && action.url) onOpenUrl(action.url);
    else if (action instanceof AC.SubmitAction && onSubmit) onSubmit(action.data);
  };
  card.parse(json);
  return card.render();
}

/** One component of a card view's area: SPFx takes one or a list. */
type Components<T> = T | T[] | undefined;

function listOf<T>(value: Components<T>): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The text of a card view component (`text` for texts, `title` for the card bar and buttons). */
function textOf(component: unknown, key: 'text' | 'title'): string {
  const value = (component as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : '';
}

/**
 * A card view configuration (SPFx's primary-text card: card bar, header, body, footer buttons) as an Adaptive Card
 * of the quick view's version, for the preview only — Viva Connections draws card views with its own components,
 * which are not on npm. The card bar's title small and bold, the header large, the body below, each footer button an
 * `Action.Submit` whose data names the button's action (`{ action: 'QuickView', view }` opens the quick view).
 */
export function cardViewAsAdaptiveCard(
  config: {
    cardBar: unknown;
    header?: Components<unknown>;
    body?: Components<unknown>;
    footer?: Components<unknown>;
  },
  version = '1.5',
): CardJson {
  const title = listOf(config.cardBar)
    .map((bar) => textOf(bar, 'title'))
    .find((t) => t !== '');
  const body: CardJson[] = [];
  if (title) body.push({ type: 'TextBlock', text: title, size: 'Small', weight: 'Bolder', wrap: true });
  for (const header of listOf(config.header))
    body.push({ type: 'TextBlock', text: textOf(header, 'text'), size: 'ExtraLarge', weight: 'Bolder', wrap: true });
  for (const text of listOf(config.body))
    body.push({ type: 'TextBlock', text: textOf(text, 'text'), wrap: true, spacing: 'Small' });
  const actions = listOf(config.footer)
    .filter((button) => (button as { componentName?: string }).componentName === 'cardButton')
    .map((button) => {
      const action = (button as { action?: { type?: string; parameters?: Record<string, unknown> } }).action;
      return {
        type: 'Action.Submit',
        title: textOf(button, 'title'),
        data: { action: action?.type ?? '', ...(action?.parameters ?? {}) },
      };
    });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}
