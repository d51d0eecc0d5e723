import type { LoginResponse, MeUserView } from '../api/schema';
import { api, ApiError, setUnauthorizedHandler } from './api';

/** The signed-in user as GET /api/me and POST /api/auth/login describe them. */
export type User = MeUserView;

let currentUser: User | null = null;
let expiredNotice = false;
const listeners = new Set<(user: User | null) => void>();

export function user(): User | null {
  return currentUser;
}

export function hasAnyRole(roles: readonly string[]): boolean {
  if (!currentUser) return false;
  if (roles.length === 0) return true;
  return roles.some((role) => currentUser!.roles.includes(role));
}

export function onSessionChange(listener: (user: User | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setUser(next: User | null): void {
  currentUser = next;
  for (const listener of listeners) listener(next);
}

/** Asks the Host who we are (the cookie may still be valid from an earlier visit). */
export async function restore(): Promise<User | null> {
  try {
    setUser(await api.get<User>('/api/me', { allowUnauthorized: true }));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    setUser(null);
  }
  return currentUser;
}

/** Logs in; the Host sets the HTTP-only cookie that authenticates every later call. */
export async function login(username: string, password: string): Promise<User> {
  const response = await api.post<LoginResponse>('/api/auth/login', { username, password }, { allowUnauthorized: true });
  expiredNotice = false;
  setUser(response.user);
  return response.user;
}

export async function logout(): Promise<void> {
  try {
    await api.post('/api/auth/logout', undefined, { allowUnauthorized: true });
  } finally {
    setUser(null);
  }
}

/** Whether the login page should say "your session expired" (once). */
export function takeExpiredNotice(): boolean {
  const value = expiredNotice;
  expiredNotice = false;
  return value;
}

/** A 401 on any call while signed in: the session is over. */
export function installExpiryHandler(goToLogin: () => void): void {
  setUnauthorizedHandler(() => {
    if (!currentUser) return;
    expiredNotice = true;
    setUser(null);
    goToLogin();
  });
}
