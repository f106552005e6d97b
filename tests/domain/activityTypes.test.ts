import { readFileSync } from 'fs';
import { join } from 'path';
import {
  ACTIVITY_TYPES,
  activityParameter,
  activityTemplateParameters,
  isActivityType,
} from '../../src/domain/activityTypes';

// The Teams manifest is the other half of this list: Graph refuses a type it does not declare.
const APP_PACKAGE = join(__dirname, '..', '..', 'teamsapp', 'appPackage');
interface IActivityType {
  type: string;
  description: string;
  templateText: string;
}
const manifest = JSON.parse(readFileSync(join(APP_PACKAGE, 'manifest.json'), 'utf8')) as {
  activities: { activityTypes: IActivityType[] };
};
const english = JSON.parse(readFileSync(join(APP_PACKAGE, 'en-us.json'), 'utf8')) as Record<string, string>;
const declared = manifest.activities.activityTypes;

/** The `{placeholders}` of a template, in order. */
const placeholders = (template: string): string[] => Array.from(template.matchAll(/\{([^{}]+)\}/g), (m) => m[1]);

describe('the activity types product code may send', () => {
  it('are exactly the types the Teams manifest declares, in the same order', () => {
    expect(ACTIVITY_TYPES.map((entry) => entry.type)).toEqual(declared.map((entry) => entry.type));
  });

  it('name the one parameter each template uses besides {actor}, in Danish and in English', () => {
    declared.forEach((entry, index) => {
      const expected = ['actor', activityParameter(entry.type as never)];
      expect({ type: entry.type, uses: placeholders(entry.templateText) }).toEqual({
        type: entry.type,
        uses: expected,
      });
      const translated = english[`activities.activityTypes[${index}].templateText`];
      expect({ type: entry.type, uses: placeholders(translated) }).toEqual({ type: entry.type, uses: expected });
    });
  });

  it('are the kinds of "Nyt til dig" that may reach Teams, without recognitions', () => {
    expect(ACTIVITY_TYPES.map((entry) => entry.type)).toEqual([
      'taskAssigned',
      'storyApproved',
      'storyReturned',
      'dialogReply',
      'planApproved',
      'nudge',
      'checkInDue',
      'taskDueSoon',
      'taskOverdue',
    ]);
    expect(isActivityType('taskAssigned')).toBe(true);
    expect(isActivityType('recognised')).toBe(false);
    expect(isActivityType('systemDefault')).toBe(false);
    expect(isActivityType(undefined)).toBe(false);
  });

  it('build the templateParameters of a sendActivityNotification body', () => {
    expect(activityTemplateParameters('taskAssigned', 'Følg op på læsebånd')).toEqual([
      { name: 'taskTitle', value: 'Følg op på læsebånd' },
    ]);
    expect(activityTemplateParameters('dialogReply', 'Plan 2026')).toEqual([{ name: 'itemTitle', value: 'Plan 2026' }]);
    expect(() => activityParameter('recognised' as never)).toThrow(/Unknown activity type/);
  });
});
