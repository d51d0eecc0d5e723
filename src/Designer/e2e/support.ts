import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';

/** The CI artefact folder for screenshots of each main screen (see README). */
export const screenshotDir = resolve(import.meta.dirname, '..', 'test-results', 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

export const password = 'Anju@2026';

export const test = base.extend({
  baseURL: async ({}, use) => {
    await use(process.env.ANJU_E2E_BASE_URL);
  },
});
export { expect };

/** Logs in through the login page and waits for the signed-in header. */
export async function logIn(page: Page, username: string): Promise<void> {
  await page.goto('/#/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('who')).toBeVisible();
}

/** Logs out from the header, opening the menu first on a phone (where the logout button sits in the menu). */
export async function logOutAnyWidth(page: Page): Promise<void> {
  const menu = page.getByTestId('menu');
  if (await menu.isVisible()) await menu.click();
  await page.getByTestId('logout').click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(screenshotDir, `${name}.png`), fullPage: true });
}

/** An API client signed in as the user (bearer token), for setting up a case without clicking through it. */
export async function apiAs(playwright: { request: { newContext(options: object): Promise<APIRequestContext> } }, username: string, secret = password): Promise<APIRequestContext> {
  const anonymous = await playwright.request.newContext({ baseURL: process.env.ANJU_E2E_BASE_URL });
  const login = await anonymous.post('/api/auth/login', { data: { username, password: secret } });
  expect(login.ok(), `login as ${username}`).toBeTruthy();
  const { token } = (await login.json()) as { token: string };
  await anonymous.dispose();
  return playwright.request.newContext({ baseURL: process.env.ANJU_E2E_BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
}

/** An attribute value: JSON of the ballot's questions or documents, quoted for an XML attribute. */
function attribute(value: unknown): string {
  return JSON.stringify(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * A test procedure that opens an owners' ballot (openBallot) and waits for it to close, deployed by the specs that
 * vote: `questions` as openBallot reads them, `documents` optional.
 */
export function ballotProcessXml(options: { id: string; name: string; title: string; questions: unknown[]; documents?: unknown[] }): string {
  const documents = options.documents ? `\n          <camunda:property name="documents" value="${attribute(options.documents)}" />` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="${options.id}-definitions" targetNamespace="urn:anju:e2e">
  <bpmn:message id="BallotClosed" name="ballot-closed" />
  <bpmn:process id="${options.id}" name="${options.name}" isExecutable="true">
    <bpmn:startEvent id="start" name="开始" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="open" />
    <bpmn:serviceTask id="open" name="发起表决" camunda:delegateExpression="\${openBallot}">
      <bpmn:extensionElements>
        <camunda:properties>
          <camunda:property name="title" value="${options.title}" />
          <camunda:property name="questions" value="${attribute(options.questions)}" />${documents}
          <camunda:property name="days" value="5" />
        </camunda:properties>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="open" targetRef="closed" />
    <bpmn:intermediateCatchEvent id="closed" name="表决结束"><bpmn:messageEventDefinition messageRef="BallotClosed" /></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="closed" targetRef="end" />
    <bpmn:endEvent id="end" name="结束" />
  </bpmn:process>
</bpmn:definitions>`;
}
