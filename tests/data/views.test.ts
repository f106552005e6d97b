/** @jest-environment node */
import { as, startServer, USERS, userId, type TestServer } from "./support";
import { provision } from "../../src/data/provisioning";
import { createServices } from "../../src/data/services";
import type { IMpkServices } from "../../src/data/repositories/types";
import { AMBITIONS } from "../../src/domain/ambitions";

// HTTP against a real server: generous under a loaded CI machine (alone each test takes well under a second).
jest.setTimeout(30_000);

let server: TestServer;

async function services(email: string): Promise<IMpkServices> {
  return createServices(as(server, email), { id: await userId(server, email), email });
}

/** Runs a load and returns every request it made. */
async function counted<T>(load: () => Promise<T>): Promise<{ value: T; requests: { method: string; path: string; batchParts?: number }[] }> {
  await server.resetRequests();
  const value = await load();
  return { value, requests: await server.requests() };
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe("before the site is provisioned", () => {
  it("shows the strategy's ambitions from the domain and says the lists are missing, in one request", async () => {
    const medarbejder = await services(USERS.medarbejder);
    // Warm PnPjs's request digest (SPFx has it from the page context).
    await medarbejder.provisioning.status();
    const { value, requests } = await counted(() => medarbejder.views.loadAmbitionsView({ userId: medarbejder.user.id }));
    expect(requests).toHaveLength(1);
    expect(value.schema).toMatchObject({ provisioned: false, needsUpgrade: true });
    expect(value.ambitions.map((a) => a.title)).toEqual(AMBITIONS.map((a) => a.title));
    expect(value.stories.items).toEqual([]);
    const plan = await medarbejder.views.loadPlanView({ unitId: 1 });
    expect(plan.schema.provisioned).toBe(false);
    const followUp = await medarbejder.views.loadFollowUpView({ userId: medarbejder.user.id });
    expect(followUp.schema.provisioned).toBe(false);
  });
});

describe("each web part's first view is one round trip", () => {
  let admin: IMpkServices;
  let leder: IMpkServices;
  let medarbejder: IMpkServices;
  let chef: IMpkServices;
  let unitId: number;

  beforeAll(async () => {
    await provision(as(server, USERS.admin));
    [admin, chef, leder, medarbejder] = await Promise.all([USERS.admin, USERS.chef, USERS.leder, USERS.medarbejder].map(services));
    unitId = (await admin.units.list())[0].id as number;
    const plan = await leder.plans.create({ clientKey: "", unitId, period: "2026", status: "followUp", ownerId: leder.user.id });
    await leder.planFocuses.create({ clientKey: "", planId: plan.id as number, ambitionKey: "gode-rammer", relevance: "high" }, unitId);
    const initiative = await leder.initiatives.create({ clientKey: "", planId: plan.id as number, unitId, title: "Nye legepladser", ambitionKey: "gode-rammer", status: "inProgress" });
    await leder.checkIns.create({ clientKey: "", initiativeId: initiative.id as number, health: "red", progress: 20, date: "2026-01-05" }, unitId);
    await leder.checkIns.create({ clientKey: "", initiativeId: initiative.id as number, health: "green", progress: 60, date: "2026-03-05" }, unitId);
    await medarbejder.comments.create({ clientKey: "", initiativeId: initiative.id, body: "Godt arbejde" }, unitId);
    await leder.comments.create({ clientKey: "", planId: plan.id, body: "Planen er godkendt" }, unitId);
    await chef.tasks.create({ clientKey: "", title: "Status på legepladser", unitId, initiativeId: initiative.id, assigneeId: leder.user.id, dueDate: "2026-02-01", status: "open" });
    for (let i = 1; i <= 3; i++) {
      const story = await medarbejder.stories.create({ clientKey: "", title: `Historie ${i}`, body: `<p>Tekst ${i}</p>`, kind: i === 2 ? "lesson" : "success", ambitionKey: "gode-rammer", unitId, featured: false, recognitionCount: 0 });
      if (i < 3) await admin.stories.moderate(story, true);
    }
    await medarbejder.reflections.create({ clientKey: "", contribution: "Jeg spørger borgeren først." });
  });

  it("Ambitioner og hverdagshistorier", async () => {
    const first = (await medarbejder.stories.query({}, 5)).items[0];
    await leder.recognitions.recognise(first.id as number, leder.user.id);
    const { value, requests } = await counted(() => medarbejder.views.loadAmbitionsView({ userId: medarbejder.user.id, pageSize: 5 }));
    expect(requests.map((r) => [r.method, r.path.replace(/^.*\/_api\//, "")])).toEqual([["POST", "$batch"]]);
    expect(value.schema.provisioned).toBe(true);
    expect(value.stories.items.map((s) => s.title)).toEqual(["Historie 2", "Historie 1"]);
    expect(value.stories.items[0].recognitionCount).toBe(1);
    expect(value.myPendingStories.map((s) => s.title)).toEqual(["Historie 3"]);
    expect(value.counts["gode-rammer"]).toEqual({ plans: 1, initiatives: 1, stories: 2 });
    expect(value.countsComplete).toBe(true);
    expect(value.myReflections).toHaveLength(1);
    expect(value).toMatchObject({ canPostStory: true, isSiteOwner: false });
    expect((await admin.views.loadAmbitionsView({ userId: admin.user.id })).isSiteOwner).toBe(true);
    const lessons = await medarbejder.views.loadAmbitionsView({ userId: medarbejder.user.id, filters: { kind: "lesson" } });
    expect(lessons.stories.items.map((s) => s.title)).toEqual(["Historie 2"]);
  });

  it("Ambitionsplan", async () => {
    const { value, requests } = await counted(() => leder.views.loadPlanView({ unitId, now: new Date("2026-06-01T10:00:00Z") }));
    expect(requests.map((r) => [r.method, r.path.replace(/^.*\/_api\//, "")])).toEqual([["POST", "$batch"]]);
    expect(value.unit?.name).toBe("Læring og Trivsel");
    expect(value.plan).toMatchObject({ period: "2026", status: "followUp" });
    expect(value.focuses.map((f) => [f.ambitionKey, f.relevance])).toEqual([["gode-rammer", "high"]]);
    const initiativeId = value.initiatives[0].id as number;
    expect(value.latestCheckIns[initiativeId]).toMatchObject({ health: "green", progress: 60 });
    expect(value.checkIns.map((c) => c.date)).toEqual(["2026-03-05", "2026-01-05"]);
    expect(value.commentCounts).toEqual({ [initiativeId]: 1, 0: 1 });
    expect(value.politicalPriorities).toHaveLength(4);
    expect(value.permissions).toEqual({ canEditPlan: true, canEditInitiatives: true, canCheckIn: true, canComment: true, isSiteOwner: false });
    const readOnly = await medarbejder.views.loadPlanView({ unitId });
    expect(readOnly.permissions).toMatchObject({ canEditPlan: false, canCheckIn: false, canComment: true });
  });

  it("Opfølgning", async () => {
    const { value, requests } = await counted(() => chef.views.loadFollowUpView({ userId: leder.user.id, now: new Date("2026-06-01T10:00:00Z"), since: "2026-02-01" }));
    expect(requests.map((r) => [r.method, r.path.replace(/^.*\/_api\//, "")])).toEqual([["POST", "$batch"]]);
    expect(value.overview.rows).toHaveLength(8);
    const cell = value.overview.rows[0].cells.find((c) => c.ambitionKey === "gode-rammer");
    expect(cell).toMatchObject({ relevance: "high", initiativeCount: 1, latestHealth: "green", trend: "better" });
    expect(value.overview.overdueTasks.map((t) => t.title)).toEqual(["Status på legepladser"]);
    expect(value.overview.storiesByAmbition["gode-rammer"]).toBe(2);
    expect(value.tasks.items).toHaveLength(1);
    expect(value.myTasks.map((t) => t.title)).toEqual(["Status på legepladser"]);
    expect(value).toMatchObject({ complete: true, canManageTasks: true });
  });
});
