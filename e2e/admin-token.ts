/** The admin token of the end-to-end server (playwright.config.ts), for the tests that sign in. */
export const E2E_ADMIN_TOKEN = 'e2e-admin-token-9c3f5a1d7e2b4f60';
