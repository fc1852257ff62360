// Sign-in: the staff login API; the token and the staff member's scope are kept for this tab.
// An account an admin created or reset must change its password first: the form then asks for
// a new one, changes it through the public API and signs in with it.
import { ApiError, api, saveSession } from './api.js';
import { $, run } from './dom.js';

async function signIn(username, password) {
  const answer = await api('POST', '/auth/staff/login', { username, password });
  return { token: answer.token, refreshToken: answer.refreshToken, staff: answer.staff };
}

/** Wires the login form; `onSignedIn(session)` runs after a successful sign-in. */
export function setUpLogin(onSignedIn) {
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('login-error').textContent = '';
    const username = $('login-username').value.trim();
    const password = $('login-password').value;
    const newPassword = $('login-new-password').value;
    await run($('login-submit'), async () => {
      try {
        if (!$('login-new-row').hidden && newPassword) {
          await api('POST', '/auth/staff/password', { username, password, newPassword });
        }
        const value = await signIn(username, $('login-new-row').hidden || !newPassword ? password : newPassword);
        saveSession(value);
        $('login-password').value = '';
        $('login-new-password').value = '';
        $('login-new-row').hidden = true;
        onSignedIn(value);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'PASSWORD_CHANGE_REQUIRED') {
          $('login-new-row').hidden = false;
          $('login-new-password').focus();
          $('login-error').textContent = '首次登录或密码已被重置，请设置新密码后登录';
        } else {
          $('login-error').textContent = error.message;
        }
      }
    });
  });
}

export function showLogin() {
  $('app').hidden = true;
  $('login').hidden = false;
  $('login-username').focus();
}
