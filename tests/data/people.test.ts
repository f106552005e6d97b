/** @jest-environment node */
/**
 * People search for pickers against the local SharePoint: site users by part of the name or e-mail
 * (`siteUsers` with `$filter`, as SharePoint Online answers it), and `ensureUser` for an e-mail typed
 * in full. The raw requests are checked too, so the local SharePoint's answer is the contract.
 */
import { as, startServer, USERS, type TestServer } from "./support";
import { createServices } from "../../src/data/services";
import { isDataError } from "../../src/data/errors";
import { peopleFilter } from "../../src/data/repositories/people";
import type { IMpkServices } from "../../src/data/repositories/types";

let server: TestServer;
let chef: IMpkServices;

beforeAll(async () => {
  server = await startServer();
  await server.addUsers([
    { email: "anne.obrien@mpk.local", title: "Anne O'Brien" },
    { email: "lars.leth@mpk.local", title: "Lars Leth" },
    { email: "nina.lund@mpk.local", title: "Nina Lund", inSite: false },
  ]);
  chef = createServices(as(server, USERS.chef), { id: 0 });
});
afterAll(() => server.close());

describe("searching the site's users", () => {
  it("finds people by part of the name or the e-mail, any case, sorted by name", async () => {
    const byName = await chef.people.search("le");
    expect(byName.map((p) => p.title)).toEqual(expect.arrayContaining(["Lars Leth", "Lene Madsen"]));
    expect(byName.map((p) => p.title)).toEqual(byName.map((p) => p.title).slice().sort((a, b) => a.localeCompare(b, "da")));
    expect(await chef.people.search("LARS")).toEqual([{ id: expect.any(Number), title: "Lars Leth", email: "lars.leth@mpk.local" }]);
    expect((await chef.people.search("obrien@")).map((p) => p.title)).toEqual(["Anne O'Brien"]);
  });

  it("escapes quotes, sends nothing for one letter, and finds nobody outside the site", async () => {
    expect((await chef.people.search("O'Bri")).map((p) => p.title)).toEqual(["Anne O'Brien"]);
    await server.resetRequests();
    expect(await chef.people.search(" l ")).toEqual([]);
    expect(await server.requests()).toEqual([]);
    // In the directory, not on the site: only `ensure` finds her.
    expect(await chef.people.search("Nina")).toEqual([]);
  });

  it("is answered by the raw REST query as SharePoint Online answers it", async () => {
    const filter = encodeURIComponent(peopleFilter("leth"));
    const response = await server.fetch(`_api/web/siteusers?$select=Id,Title,Email,PrincipalType&$filter=${filter}&$top=5`, { as: USERS.chef });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { value: Record<string, unknown>[] };
    expect(body.value).toHaveLength(1);
    expect(body.value[0]).toMatchObject({ "odata.type": "SP.User", Title: "Lars Leth", Email: "lars.leth@mpk.local", PrincipalType: 1 });
    // Only what was selected, in the entity's own order (as SharePoint writes it).
    expect(Object.keys(body.value[0]).filter((k) => !k.startsWith("odata."))).toEqual(["Id", "Title", "PrincipalType", "Email"]);
    const bad = await server.fetch(`_api/web/siteusers?$filter=${encodeURIComponent("substringof('x',NoSuchField)")}`, { as: USERS.chef });
    expect(bad.status).toBe(400);
  });
});

describe("resolving an e-mail typed in full", () => {
  it("adds someone from the directory to the site and returns them; a site user is returned as is", async () => {
    const nina = await chef.people.ensure(" Nina.Lund@mpk.local ");
    expect(nina).toEqual({ id: expect.any(Number), title: "Nina Lund", email: "nina.lund@mpk.local" });
    expect((await chef.people.search("nina")).map((p) => p.id)).toEqual([nina.id]);
    expect((await chef.people.ensure(USERS.leder)).title).toBe("Lene Madsen");
  });

  it("says in Danish that nobody has an unknown address", async () => {
    const error = await chef.people.ensure("ingen.her@mpk.local").catch((e: unknown) => e);
    expect(isDataError(error) && error.reason).toBe("userNotFound");
    expect(isDataError(error) && error.message).toBe("Der findes ingen person med den e-mailadresse i organisationen. Tjek stavningen, eller søg på navnet.");
    const invalid = await chef.people.ensure("ikke en adresse").catch((e: unknown) => e);
    expect(isDataError(invalid) && invalid.reason).toBe("userNotFound");
  });
});
