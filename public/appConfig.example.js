// Local configuration for `twilio flex:plugins:start`. Copy to public/appConfig.js (git-ignored).
// In production the same `custom_data.polyai_context` object lives in the Flex configuration's
// ui_attributes (see docs/configuration.md).
var appConfig = {
  pluginService: {
    enabled: true,
    url: '/plugins',
  },
  ytica: false,
  logLevel: 'info',
  showSupervisorDesktopView: true,
  custom_data: {
    polyai_context: {
      enabled: true,
      always_show: false,
      tab_sort_order: 10,
      auto_select_tab: false,
      // functions_base_url: 'https://polyai-context-functions-1234-dev.twil.io',
      // language: 'es-ES',
      // field_labels: { 'slots.charge_amount': 'Amount' },
      // PolyAI's keys and values (intents, reasons, destinations, field names) in each language of the tab;
      // anything not listed reads as the key, humanised ("dispute_charge" → "Dispute charge").
      // labels: {
      //   'es-ES': { dispute_charge: 'Disputar un cargo', billing_dispute: 'Cargo en disputa', billing_queue: 'Cola de facturación', charge_amount: 'Importe', slots: 'Datos' },
      //   'fr-FR': { dispute_charge: 'Contester un prélèvement', charge_amount: 'Montant' },
      // },
      // hidden_fields: [], field_order: [], mask_patterns: [...],
      // confidence_thresholds: { high: 0.8, medium: 0.5 },
      // currency: 'GBP', // amounts (charge_amount, total…) when PolyAI's data names no currency
    },
  },
};
