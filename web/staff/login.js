// Sign-in: the staff login API; the token and the staff member's scope are kept for this tab.
import { ApiError, api, saveSession } from './api.js';
import { $, run } from './dom.js';

const MESSAGES = {
  PASSWORD_CHANGE_REQUIRED: '首次登录或密码被重置，请先修改密码后再登录',
};

/** Wires the login form; `onSignedIn(session)` runs after a successful sign-in. */
export function setUpLogin(onSignedIn) {
  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('login-error').textContent = '';
    await run($('login-submit'), async () => {
      try {
        const answer = await api('POST', '/auth/staff/login', { username: $('login-username').value.trim(), password: $('login-password').value });
        const value = { token: answer.token, refreshToken: answer.refreshToken, staff: answer.staff };
        saveSession(value);
        $('login-password').value = '';
        onSignedIn(value);
      } catch (error) {
        $('login-error').textContent = (error instanceof ApiError && MESSAGES[error.code]) || error.message;
      }
    });
  });
}

export function showLogin() {
  $('app').hidden = true;
  $('login').hidden = false;
  $('login-username').focus();
}
