/*
 * LawFlow: Cockpit offers only what the signed-in user may do, and says "no permission" in Chinese.
 *
 * Cockpit (Community Edition) shows every modifying action to everybody and lets the engine refuse it with an English
 * message. This script asks the engine which of those actions the user is allowed (GET authorization/check, the same
 * call Cockpit itself uses; any-resource grants, which is how LawFlow grants them) and marks the page with one class
 * per refused action, "lawflow-deny-<action>"; styles/user-styles.css hides the action's buttons. Until the answers
 * are in, everything modifying stays hidden. The check runs again whenever another user signs in. The page kind
 * ("lawflow-page-definition" / "-instance") tells apart toolbar buttons that look alike (suspend a definition or an
 * instance).
 * Loaded by config.js (customScripts); exports no plugin.
 */

const base = document.querySelector('base');
const engine = base.getAttribute('engine-api') + 'engine/default/';
const whoAmI = base.getAttribute('admin-api') + 'auth/user/default';

const PD = [6, 'ProcessDefinition'];
const PI = [8, 'ProcessInstance'];
const TASK = [7, 'Task'];
const DEPLOYMENT = [9, 'Deployment'];
const BATCH = [13, 'Batch'];

/** Action → any one of these permissions on any resource of the type allows it (Camunda's own checks). */
const ACTIONS = {
  'edit-variables': [['UPDATE_INSTANCE_VARIABLE', PD], ['UPDATE_INSTANCE', PD], ['UPDATE_VARIABLE', PI], ['UPDATE', PI]],
  'cancel-instances': [['DELETE_INSTANCE', PD], ['DELETE', PI]],
  'suspend-instances': [['SUSPEND_INSTANCE', PD], ['UPDATE_INSTANCE', PD], ['SUSPEND', PI], ['UPDATE', PI]],
  'suspend-definitions': [['SUSPEND', PD], ['UPDATE', PD]],
  'retry-jobs': [['RETRY_JOB', PD], ['UPDATE_INSTANCE', PD], ['RETRY_JOB', PI], ['UPDATE', PI]],
  'edit-jobs': [['UPDATE_INSTANCE', PD], ['UPDATE', PI]],
  'edit-job-definitions': [['UPDATE', PD]],
  'annotate-incidents': [['UPDATE_INSTANCE', PD], ['UPDATE', PI]],
  'assign-tasks': [['TASK_ASSIGN', TASK], ['UPDATE', TASK], ['TASK_ASSIGN', PD], ['UPDATE_TASK', PD]],
  'delete-deployments': [['DELETE', DEPLOYMENT]],
  'task-dashboard': [['READ', TASK]],
  'batches': [['READ', BATCH], ['CREATE', BATCH]]
};

const root = document.documentElement;
let checkedUser;

function deny(actions) {
  Object.keys(ACTIONS).forEach(action =>
    root.classList.toggle('lawflow-deny-' + action, actions.includes(action)));
}

async function allowed([permission, [type, name]]) {
  const query = new URLSearchParams({permissionName: permission, resourceName: name, resourceType: type,
    resourceId: '*'});
  try {
    const answer = await fetch(engine + 'authorization/check?' + query, {credentials: 'same-origin',
      headers: {Accept: 'application/json'}});
    return answer.ok && (await answer.json()).authorized === true;
  } catch (e) {
    return false;
  }
}

function markPage() {
  root.classList.toggle('lawflow-page-definition', location.hash.startsWith('#/process-definition/'));
  root.classList.toggle('lawflow-page-instance', location.hash.startsWith('#/process-instance/'));
}

async function check() {
  markPage();
  let user = null;
  try {
    const answer = await fetch(whoAmI, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    user = answer.ok ? (await answer.json()).userId : null;
  } catch (e) {
    user = null;
  }
  if (user === checkedUser) {
    return;
  }
  checkedUser = user;
  deny(Object.keys(ACTIONS));
  if (!user) {
    return;
  }
  const refused = [];
  for (const [action, ways] of Object.entries(ACTIONS)) {
    const answers = await Promise.all(ways.map(allowed));
    if (!answers.includes(true)) {
      refused.push(action);
    }
  }
  if (checkedUser === user) {
    deny(refused);
    root.classList.add('lawflow-permissions-checked');
  }
}

/** The engine's refusals ("The user with id 'x' does not have 'UPDATE' permission on ...") in Chinese. */
const REFUSAL = /does not have (one of the following permissions|'[A-Z_]+' permission)|is not authorized|required to be a member of/;
const CHINESE = '您没有执行此操作的权限。如确需办理，请联系系统管理员。';

function translateRefusals(node) {
  if (!(node instanceof Element)) {
    return;
  }
  node.querySelectorAll('.notifications .alert, .notification, .alert').forEach(alert => {
    const walker = document.createTreeWalker(alert, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (REFUSAL.test(text.nodeValue)) {
        text.nodeValue = CHINESE;
      }
    }
  });
}

deny(Object.keys(ACTIONS));
check();
window.addEventListener('hashchange', check);
new MutationObserver(changes => changes.forEach(change => change.addedNodes.forEach(node => {
  translateRefusals(node);
  if (node.parentElement) {
    translateRefusals(node.parentElement);
  }
}))).observe(document.body, {childList: true, subtree: true});

export default [];
