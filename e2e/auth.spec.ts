import { expect, signInThroughForm, test } from "./fixtures/test";

test.describe("signing in and out", () => {
  test("anonymous visitors of staff pages are sent to the sign-in page, in their language, with a way back", async ({ page }) => {
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/staff\/sign-in\?next=%2Fstaff$/);
    await expect(page.getByRole("heading", { level: 1, name: "Staff sign-in" })).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

    await page.goto("/ru/staff/users?x=1");
    expect(new URL(page.url()).pathname).toBe("/ru/staff/sign-in");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/ru/staff/users?x=1");
    await expect(page.getByRole("heading", { level: 1, name: "Вход для сотрудников" })).toBeVisible();
  });

  test("a staff member signs in and out; the session cookie is HttpOnly, SameSite=Lax and Secure", async ({ page, context, login }) => {
    const account = await login({ role: "editor", name: "Elena Editor" });
    await expect(page).toHaveURL(/\/staff$/);
    const nav = page.getByRole("navigation", { name: "Staff console" });
    await expect(nav.getByRole("link", { name: "Incidents", exact: true })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Imports" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
    await expect(page.getByText("Signed in as Elena Editor (Editor)")).toBeVisible();

    const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("kst.session_token"));
    expect(session).toMatchObject({ name: "__Secure-kst.session_token", httpOnly: true, secure: true, sameSite: "Lax", path: "/" });

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/staff\/sign-in\?signedOut=1$/);
    await expect(page.getByRole("status")).toHaveText("You have signed out.");
    expect((await context.cookies()).filter((cookie) => cookie.name.endsWith("kst.session_token"))).toEqual([]);
    await page.goto("/staff/account");
    await expect(page).toHaveURL(/\/staff\/sign-in\?next=%2Fstaff%2Faccount$/);
    expect(account.email).toContain("@example.org");
  });

  test("Chromium keeps the Secure session cookie on http://localhost as well as http://127.0.0.1", async ({ page, context, createStaffAccount, baseURL }) => {
    const account = await createStaffAccount({ role: "contributor", name: "Local Host" });
    const localhost = baseURL!.replace("127.0.0.1", "localhost");
    await signInThroughForm(page, account, `${localhost}/staff/sign-in`);
    await expect(page).toHaveURL(`${localhost}/staff`);
    await expect(page.getByText("Signed in as Local Host (Contributor)")).toBeVisible();
    const cookies = await context.cookies(localhost);
    expect(cookies.find((cookie) => cookie.name === "__Secure-kst.session_token")).toMatchObject({ domain: "localhost", secure: true });
  });

  test("a wrong password and an unknown address get the same message", async ({ page, createStaffAccount }) => {
    const account = await createStaffAccount({ role: "contributor" });
    for (const [email, password] of [
      [account.email, "not the right password"],
      ["nobody-here@example.org", "not the right password"],
    ] as const) {
      await page.goto("/staff/sign-in");
      await page.getByLabel("E-mail").fill(email);
      await page.getByLabel("Password", { exact: true }).fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("main").getByRole("alert")).toHaveText("Wrong e-mail or password.");
      await expect(page).toHaveURL(/\/staff\/sign-in$/);
      await expect(page.getByLabel("E-mail")).toHaveValue(email);
    }
  });

  test("empty fields are flagged on the fields themselves", async ({ page }) => {
    await page.goto("/staff/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    const email = page.getByLabel("E-mail");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription("This field is required.");
  });

  test("after signing in, the page asked for is shown", async ({ page, createStaffAccount }) => {
    const admin = await createStaffAccount({ role: "admin" });
    await page.goto("/ru/staff/audit");
    await page.getByLabel("Электронная почта").fill(admin.email);
    await page.getByLabel("Пароль").fill(admin.password);
    await page.getByRole("button", { name: "Войти" }).click();
    await expect(page).toHaveURL(/\/ru\/staff\/audit$/);
    await expect(page.getByRole("heading", { level: 1, name: "Журнал аудита" })).toBeVisible();
  });

  test("an off-site next address is ignored", async ({ page, createStaffAccount }) => {
    const account = await createStaffAccount({ role: "contributor" });
    await signInThroughForm(page, account, "/staff/sign-in?next=https%3A%2F%2Fevil.example%2F");
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/staff$/);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the form still signs in, and still explains a refusal", async ({ page, createStaffAccount }) => {
      const account = await createStaffAccount({ role: "contributor", name: "No Script" });
      await page.goto("/staff/sign-in");
      await page.getByLabel("E-mail").fill(account.email);
      await page.getByLabel("Password", { exact: true }).fill("wrong wrong wrong");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("main").getByRole("alert")).toHaveText("Wrong e-mail or password.");

      await page.getByLabel("Password", { exact: true }).fill(account.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/staff$/);
      await expect(page.getByText("Signed in as No Script (Contributor)")).toBeVisible();
    });
  });
});

test.describe("roles", () => {
  test("a contributor gets 403 on the users and audit pages, and the attempt is audited", async ({ page, login, browser, createStaffAccount }) => {
    // Two browsers, several sign-ins and a zone switch: slow on a loaded two-core machine.
    test.setTimeout(150_000);
    const contributor = await login({ role: "contributor" });
    await expect(page.getByRole("navigation", { name: "Staff console" }).getByRole("link", { name: "Users" })).toHaveCount(0);
    for (const path of ["/staff/users", "/staff/audit", "/ru/staff/users"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      if (path === "/staff/users") {
        await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
        await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute("content", /noindex/);
      }
    }

    // An administrator sees the denials in the audit log.
    const adminPage = await browser.newPage();
    await signInThroughForm(adminPage, await createStaffAccount({ role: "admin" }));
    await adminPage.goto("/staff/audit?action=PERMISSION_DENIED");
    const rows = adminPage.locator("tbody tr", { hasText: contributor.email });
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText("permission: user:manage");
    // Kazakhstan time to the second (UTC+5 since March 2024), the exact instant in dateTime, and UTC on request.
    await expect(adminPage.getByRole("columnheader", { name: "Time", exact: true })).toBeVisible();
    const time = rows.first().locator("time");
    await expect(time).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}:\d{2} UTC\+5$/);
    await expect(time).toHaveAttribute("dateTime", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    await adminPage.getByRole("link", { name: "Show in UTC" }).click();
    await expect(adminPage).toHaveURL(/[?&]tz=utc/);
    await expect(adminPage).toHaveURL(/[?&]action=PERMISSION_DENIED/);
    await expect(rows.first().locator("time")).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}:\d{2} UTC$/);
    await adminPage.close();
  });

  test("staff pages may not be framed and are not indexed", async ({ page, login }) => {
    await login({ role: "admin" });
    for (const path of ["/staff", "/staff/users", "/staff/audit", "/staff/account", "/staff/sign-in"]) {
      const response = await page.goto(path);
      expect(response?.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
      if (!path.endsWith("sign-in")) await expect(page.locator('meta[name="robots"]').first(), path).toHaveAttribute("content", /noindex/);
    }
    await page.goto("/staff/sign-in");
    // Signed in already: the sign-in page sends you on.
    await expect(page).toHaveURL(/\/staff$/);
  });
});

test.describe("user management", () => {
  test("an administrator invites a colleague, who signs in with the temporary password and must replace it", async ({ page, login, browser }) => {
    // Two browsers and several sign-ins: slow on a loaded two-core machine.
    test.setTimeout(150_000);
    await login({ role: "admin" });
    await page.goto("/staff/users");
    const email = `invited-${Date.now()}@example.org`;
    await page.getByLabel("Name").fill("Ivan Invited");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption("editor");
    await page.getByRole("button", { name: "Create account" }).click();
    const status = page.getByRole("status").filter({ hasText: `Account created for ${email}` });
    await expect(status).toBeVisible();
    const temporaryPassword = (await status.locator("code").textContent())!.trim();
    expect(temporaryPassword).toMatch(/^[a-z2-9-]{23}$/);
    await expect(page.getByRole("row", { name: /Ivan Invited/ })).toContainText("Must choose a password");

    const colleague = await browser.newPage();
    await signInThroughForm(colleague, { email, password: temporaryPassword });
    await expect(colleague).toHaveURL(/\/staff\/account$/);
    const mustChoose = colleague.getByRole("heading", { level: 1, name: "Choose your password" });
    await expect(mustChoose).toBeVisible();
    // Until then every staff page shows the same form instead of its content.
    await colleague.goto("/staff");
    await expect(mustChoose).toBeVisible();

    await colleague.getByLabel("Current password").fill(temporaryPassword);
    await colleague.getByLabel("New password", { exact: true }).fill("short");
    await colleague.getByLabel("New password again").fill("short");
    await colleague.getByRole("button", { name: "Change password" }).click();
    await expect(colleague.getByLabel("New password", { exact: true })).toHaveAccessibleDescription(/Use at least 12 characters\./);

    await colleague.getByLabel("Current password").fill(temporaryPassword);
    await colleague.getByLabel("New password", { exact: true }).fill("ivan's own passphrase");
    await colleague.getByLabel("New password again").fill("ivan's own passphrase");
    await colleague.getByRole("button", { name: "Change password" }).click();
    await expect(mustChoose).toHaveCount(0);
    await expect(colleague).toHaveURL(/\/staff$/);
    await expect(colleague.getByText("Signed in as Ivan Invited (Editor)")).toBeVisible();
    await colleague.goto("/staff/account");
    await expect(colleague.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

    // The administrator deactivates the colleague: their session ends at once.
    await page.reload();
    const row = page.getByRole("row", { name: /Ivan Invited/ });
    await row.getByRole("button", { name: "Deactivate" }).click();
    await expect(row.getByRole("status")).toHaveText("Account deactivated; its sessions have ended.");
    await expect(row).toContainText("Deactivated");
    await colleague.goto("/staff");
    await expect(colleague).toHaveURL(/\/staff\/sign-in/);
    await colleague.close();
  });

  test("an account with a temporary password gets no staff page or data until it has chosen its own", async ({ page, createStaffAccount }) => {
    // Two accounts, two sign-ins and a password change: slow on a loaded two-core machine.
    test.setTimeout(150_000);
    // Someone whose address appears only on the users page.
    const colleague = await createStaffAccount({ role: "contributor", name: "Listed Colleague" });
    const admin = await createStaffAccount({ role: "admin", name: "Temporary Admin", mustChangePassword: true });
    await signInThroughForm(page, admin);
    await expect(page).toHaveURL(/\/staff\/account$/);

    // Asked for directly, the users page sends the account to the password form, and says where it will go after.
    await page.goto("/staff/users");
    await expect(page).toHaveURL(/\/staff\/account\?next=%2Fstaff%2Fusers$/);
    await expect(page.getByRole("heading", { level: 1, name: "Choose your password" })).toBeVisible();
    // Nor does the page's data travel in the payload Next.js streams for client navigation.
    for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
      const response = await page.request.get("/staff/users", { headers, maxRedirects: 0 });
      expect(await response.text()).not.toContain(colleague.email);
    }

    await page.getByLabel("Current password").fill(admin.password);
    await page.getByLabel("New password", { exact: true }).fill("an administrator's own passphrase");
    await page.getByLabel("New password again").fill("an administrator's own passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/staff\/users$/);
    await expect(page.getByRole("row", { name: /Listed Colleague/ })).toBeVisible();
  });

  test("the users, account and sign-in pages pass axe", async ({ page, login, expectAccessible }) => {
    // Six axe runs over form-heavy pages: slow on a loaded two-core machine.
    test.setTimeout(180_000);
    await page.goto("/staff/sign-in");
    await expectAccessible();
    await page.goto("/ru/staff/sign-in");
    await expectAccessible();
    // With errors showing, too.
    await page.getByRole("button", { name: "Войти" }).click();
    await expect(page.getByLabel("Электронная почта")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible();

    await login({ role: "admin" });
    for (const path of ["/staff/users", "/staff/account", "/staff/audit", "/ru/staff/users"]) {
      await page.goto(path);
      await expectAccessible();
    }
  });
});
