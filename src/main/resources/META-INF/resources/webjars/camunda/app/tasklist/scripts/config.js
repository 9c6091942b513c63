// LawFlow: Tasklist configuration (replaces Camunda's commented-out sample config.js).
// The browser's first preferred language picks the locale ("zh-CN" -> "zh", "en-US" -> "en"); any other language gets Chinese.
export default {
  // LawFlow: the header names the application in Chinese (Camunda's own name stays in the footer's credit).
  app: {
    name: '待办任务',
    vendor: '交通运输执法'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },

  // Camunda Forms in Chinese (validation messages, date picker, fixed texts) and no typed input lost to form-js's
  // delayed updates: see scripts/lawflow-forms.js (loaded from app/tasklist/, as an ES module).
  customScripts: ['scripts/lawflow-forms'],

  // Keyboard shortcuts (keep Tasklist's usual key bindings, described in Chinese).
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '将焦点移到第一个过滤器'},
    focusList: {key: 'ctrl+alt+l', description: '将焦点移到列表中的第一个任务'},
    focusForm: {key: 'ctrl+alt+f', description: '将焦点移到任务表单的第一个输入框'},
    startProcess: {key: 'ctrl+alt+p', description: '打开“发起流程”对话框'}
  }
};
