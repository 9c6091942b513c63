// LawFlow: Camunda Forms (form-js 1.8.7 in Tasklist 7.24) in Chinese, and no typed input lost.
// Loaded by config.js (customScripts) as an ES module before Tasklist renders any form.
//
// 1. Lost input (issue #30): form-js passes each keystroke of a text field, text area and number field to the form
//    state only 300 ms after the last one (its useDebounce hook, config "debounce", default 300), yet renders those
//    inputs as controlled inputs whose value is the form state. Whenever the form re-renders in those 300 ms (another
//    field's delayed change lands, or the field just left is flushed on blur) Preact writes the stale state value back
//    into the field the officer is typing in, and the delayed change then reads that emptied field: the reason typed
//    right after the amount vanished, the first letter after Tab was lost. Tasklist creates the form with
//    `new Form({container})` and offers no option, so the form's configuration gets `debounce: false`: every
//    keystroke reaches the state at once and a re-render always writes back what was typed.
// 2. English: form-js 1.8.7 has no translation service. Its validator's messages are translated where they are made
//    (the validator service is wrapped); flatpickr (the date picker) gets the Chinese locale; the remaining fixed
//    texts of the form components (placeholders, list and table controls, aria labels) are translated in the page as
//    form-js renders them. The bpmn.io watermark (its licence requires it to stay as it is) is left alone.

const CHUNKS = 'webpackChunkcamunda_bpm_webapp';
const FORM_JS_MODULE = 57661; // @bpmn-io/form-js in lib/deps.js of Camunda 7.24.0; searched for if it moves

/** Validation and other messages form-js builds from values: pattern → Chinese. */
const PATTERNS = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum length of (\d+)\.$/, (n) => `至少填写 ${n} 个字。`],
  [/^Field must have maximum length of (\d+)\.$/, (n) => `最多填写 ${n} 个字。`],
  [/^Field must have minimum value of (.+)\.$/, (n) => `不得小于 ${n}。`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `不得大于 ${n}。`],
  [/^Field must match pattern .*\.$/, () => '格式不正确。'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址。'],
  [/^Field must be a valid\s+international phone number\..*$/, () => '请填写有效的电话号码（国际格式，如 +8697112345678）。'],
  [/^Value is not a number\.$/, () => '请填写数字。'],
  [/^Value is expected to be an integer\.$/, () => '请填写整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (n) => `最多保留 ${n} 位小数。`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (a, b) => `请填写有效的值，最接近的有效值为 ${a} 和 ${b}。`],
  [/^Date and time must both be entered\.$/, () => '日期和时间须同时填写。'],
  [/^Expand all \((\d+)\)$/, (n) => `全部展开（${n}）`],
  [/^Remove list item (\d+)$/, (n) => `删除第 ${n} 项`],
  [/^Click to sort by (.+) descending$/, (c) => `按“${c}”降序排列`],
  [/^Click to sort by (.+) ascending$/, (c) => `按“${c}”升序排列`],
  [/^(\d+) of (\d+)$/, (a, b) => `${a} / ${b}`],
  // the date field's placeholder is the browser's date format in letters (zh-CN: yyyy/mm/dd)
  [/^y{2,4}([/.-])m{1,2}\1d{1,2}$/, (sep) => `年${sep}月${sep}日`],
  [/^d{1,2}([/.-])m{1,2}\1y{2,4}$/, (sep) => `日${sep}月${sep}年`],
  [/^m{1,2}([/.-])d{1,2}\1y{2,4}$/, (sep) => `月${sep}日${sep}年`]
];

/** Fixed texts of form-js components. */
const TEXTS = {
  'Select': '请选择',
  'Search': '搜索',
  'No results': '没有匹配的选项',
  'All values selected': '已全部选择',
  'Remove tag': '移除',
  'Skip to search': '跳到搜索',
  'Add new': '添加',
  'Collapse': '收起',
  'Nothing to show.': '暂无内容。',
  'No content to show.': '暂无内容。',
  'Previous page': '上一页',
  'Next page': '下一页',
  'Click to remove sorting': '取消排序',
  'Increment': '增加',
  'Decrement': '减少',
  'No options source defined in the form definition': '表单未定义选项',
  'This is an image placeholder': '图片',
  'hh:mm': '时:分',
  'hh:mm ?m': '时:分 上午/下午',
  'Date': '日期',
  'Time': '时间'
};

/** flatpickr's Chinese locale (its l10n/zh.js), Monday first as in China, and the labels it leaves out. */
const FLATPICKR_ZH = {
  weekdays: {
    shorthand: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  ordinal: () => '',
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换上午/下午',
  amPM: ['上午', '下午'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true
};

/** The Chinese for one form-js text, or null if it is not one of form-js's own. */
export function chinese(text) {
  if (typeof text !== 'string') {
    return null;
  }
  const trimmed = text.trim();
  if (Object.prototype.hasOwnProperty.call(TEXTS, trimmed)) {
    return text.replace(trimmed, TEXTS[trimmed]);
  }
  for (const [pattern, translate] of PATTERNS) {
    const m = trimmed.match(pattern);
    if (m) {
      return text.replace(trimmed, translate(...m.slice(1)));
    }
  }
  return null;
}

function translated(messages) {
  return Array.isArray(messages) ? messages.map((m) => chinese(m) || m) : messages;
}

/** A form-js module: the validator's messages in Chinese where they are made. */
function ChineseValidation(validator) {
  for (const method of ['validateField', 'validateFieldInstance']) {
    const original = validator[method];
    if (typeof original === 'function') {
      validator[method] = function (...args) {
        return translated(original.apply(this, args));
      };
    }
  }
}
ChineseValidation.$inject = ['validator'];

const lawflowModule = {
  __init__: ['lawflowChineseValidation'],
  lawflowChineseValidation: ['type', ChineseValidation]
};

function localizeDatePicker() {
  const flatpickr = window.flatpickr;
  if (flatpickr && typeof flatpickr.localize === 'function' && !flatpickr.lawflowLocalized) {
    flatpickr.localize(FLATPICKR_ZH);
    flatpickr.lawflowLocalized = true;
  }
}

/** The bundle's module loader (webpack), reached through its chunk list. */
function webpackRequire() {
  const chunks = window[CHUNKS];
  if (!chunks || typeof chunks.push !== 'function') {
    return null;
  }
  let require = null;
  chunks.push([['lawflow-forms'], {}, (r) => {
    require = r;
  }]);
  return require;
}

function isFormClass(candidate) {
  return typeof candidate === 'function' && candidate.prototype
    && typeof candidate.prototype._createInjector === 'function'
    && typeof candidate.prototype.submit === 'function' && typeof candidate.prototype.importSchema === 'function';
}

function formClass(require) {
  try {
    const known = require(FORM_JS_MODULE);
    if (known && isFormClass(known.Form)) {
      return known.Form;
    }
  } catch (e) {
    // another Camunda version: search below
  }
  for (const id of Object.keys(require.m || {})) {
    const source = String(require.m[id]);
    if (source.includes('validateFieldInstance') && source.includes('importSchema') && source.includes('Form')) {
      try {
        const exports = require(id);
        if (exports && isFormClass(exports.Form)) {
          return exports.Form;
        }
      } catch (e) {
        // not it
      }
    }
  }
  return null;
}

function patchForms() {
  const require = webpackRequire();
  const Form = require && formClass(require);
  if (!Form) {
    console.error('LawFlow: form-js not found; typed input may be lost and its messages stay in English');
    return false;
  }
  if (Form.prototype.lawflowPatched) {
    return true;
  }
  const createInjector = Form.prototype._createInjector;
  Form.prototype._createInjector = function (options, container) {
    localizeDatePicker();
    const additionalModules = [...((options && options.additionalModules) || []), lawflowModule];
    return createInjector.call(this, { ...options, debounce: false, additionalModules }, container);
  };
  Form.prototype.lawflowPatched = true;
  localizeDatePicker();
  return true;
}

// ---- texts rendered by form-js components (and flatpickr, which renders inside the form) ----

const ATTRIBUTES = ['placeholder', 'title', 'aria-label', 'alt'];
const SCOPE = '.fjs-container';
const LEFT_ALONE = '.fjs-powered-by, .fjs-powered-by-lightbox';

function inScope(element) {
  return element && element.closest && element.closest(SCOPE) && !element.closest(LEFT_ALONE);
}

function translateText(node) {
  if (inScope(node.parentElement)) {
    const t = chinese(node.data);
    if (t !== null && t !== node.data) {
      node.data = t;
    }
  }
}

function translateAttributes(element) {
  if (!inScope(element)) {
    return;
  }
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    const t = value === null ? null : chinese(value);
    if (t !== null && t !== value) {
      element.setAttribute(name, t);
    }
  }
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  translateAttributes(root);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      translateText(node);
    } else {
      translateAttributes(node);
    }
  }
}

function observe() {
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'childList') {
        m.addedNodes.forEach(translateTree);
      } else if (m.type === 'characterData') {
        translateText(m.target);
      } else {
        translateAttributes(m.target);
      }
    }
  }).observe(document.documentElement, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES
  });
}

patchForms();
observe();

export default [];
