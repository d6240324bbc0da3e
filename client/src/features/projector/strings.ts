/** The projector's interface text (merged into the i18n resources under `projector.`). */
export const projectorStrings = {
  ru: {
    title: 'Проектор',
    kinds: { board: 'Образ будущего', vision: 'Видение', timemap: 'Карта времени', roadmap: 'Дорожная карта' },
    join: {
      lead: 'Наведите камеру телефона на QR-код или введите код на главной странице',
      qr: 'QR-код ссылки для участников',
      noCode: 'Код для входа покажет фасилитатор',
    },
    voting: {
      none: 'Голосований пока не было',
      open: 'Идёт голосование — голосуйте на своих устройствах',
      closed: 'Голосование закрыто, итоги скоро',
    },
    noTeam: 'Команда не выбрана',
    noInitiatives: 'У команды пока нет инициатив',
    timemap: {
      empty: 'На карте времени команды пока нет карточек',
      note: 'Годы с карточками на пути к горизонту {{horizon}}',
      quarter: '{{n}} кв.',
      page: '{{from}}–{{to}} · {{page}} из {{pages}}',
    },
  },
  en: {
    title: 'Projector',
    kinds: { board: 'Image of the future', vision: 'Vision', timemap: 'Time map', roadmap: 'Roadmap' },
    join: {
      lead: 'Point your phone’s camera at the QR code or type the code on the home page',
      qr: 'QR code of the participants’ link',
      noCode: 'The facilitator will show the code to join',
    },
    voting: {
      none: 'No voting yet',
      open: 'Voting is open — vote on your devices',
      closed: 'Voting has closed, results soon',
    },
    noTeam: 'No team chosen',
    noInitiatives: 'The team has no initiatives yet',
    timemap: {
      empty: 'The team’s time map has no cards yet',
      note: 'The years with cards on the way to the {{horizon}} horizon',
      quarter: 'Q{{n}}',
      page: '{{from}}–{{to}} · {{page}} of {{pages}}',
    },
  },
} as const;
