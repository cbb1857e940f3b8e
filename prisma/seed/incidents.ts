import type { IncidentInput } from "@/lib/schemas/incident";

/**
 * The documented incidents of 2018–2024, written from the project's facts file
 * (shared/data/kazakhstan.md, including its "Additions, December 2026"). English
 * is the record itself; `translations.ru` holds the Russian text. Reviewed in
 * December 2026 against their sources so that the figures rest on them
 * (decision 0013): `npm run db:seed -- --update-reviewed` brings an existing
 * database up to this version.
 *
 * Time conventions:
 * - An instant known to the day is midnight in Almaty/Astana, which was UTC+6
 *   until 1 March 2024, with precision DAY.
 * - Times a source gives in UTC are written with "Z".
 * - `endsAt` is left out when no source gives an end; `endStatus` then says
 *   NOT_RECORDED (none of these is known to be still running), and
 *   `lastReportedOn` gives the last day a source reports it, where one does.
 *   Figures count such a phase to the end of that day, or not at all.
 * - A phase counts for the operators it names; `allOperators` marks a phase the
 *   sources describe across all of the incident's operators without naming
 *   them (an inferred attribution, shown as such).
 *
 * Where a source has no address of its own in the facts file, the source points
 * to the publisher's landing page and its `title` says which document is meant.
 */

const ALL_OPERATORS = ["kazakhtelecom", "kcell", "beeline", "tele2-altel"];

const STOP_URL = "https://www.accessnow.org/keepiton/";

export const SEED_INCIDENTS: IncidentInput[] = [
  // ---------------------------------------------------------------------------
  // 1. 2018: throttling timed to opposition live streams
  // ---------------------------------------------------------------------------
  {
    slug: "2018-03-throttling-opposition-streams",
    title: "Nationwide throttling timed to opposition live streams (from March 2018)",
    summary:
      "From 15 March 2018, broadband and mobile internet across Kazakhstan was throttled at the times opposition live streams were broadcast. No end date has been recorded.",
    body: [
      "From 15 March 2018, internet access over both fixed broadband and mobile networks was slowed down across the country whenever opposition live streams were on air. [Eurasianet](https://eurasianet.org/kazakhstan-is-throttling-the-internet-when-the-presidents-rival-is-online) reported that the throttling coincided with the times the president's rival was online.",
      "The throttling was part of a wider pattern: social networks and messaging apps were disrupted repeatedly in Kazakhstan throughout 2017 and 2018. Freedom House covers the period in its Freedom on the Net 2018 report on Kazakhstan.",
      'Access Now\'s #KeepItOn STOP data classes the event as "information control" and gives its end as "Ongoing". No source gives an end date or says how many hours the throttling lasted, so the tracker records the end as not recorded and counts no hours for it.',
    ].join("\n\n"),
    translations: {
      ru: {
        servicesOther: "Прямые трансляции оппозиции; социальные сети и мессенджеры (источники не называют их по отдельности)",
        title: "Замедление интернета по всей стране во время трансляций оппозиции (с марта 2018 года)",
        summary:
          "С 15 марта 2018 года фиксированный и мобильный интернет в Казахстане замедлялся в те часы, когда оппозиция вела прямые трансляции. Дата окончания не зафиксирована.",
        body: [
          "С 15 марта 2018 года доступ в интернет по всей стране — как через фиксированный широкополосный доступ, так и через мобильные сети — замедлялся всякий раз, когда в эфир выходили прямые трансляции оппозиции. [Eurasianet](https://eurasianet.org/kazakhstan-is-throttling-the-internet-when-the-presidents-rival-is-online) сообщил, что замедление совпадало с выходами в сеть соперника президента.",
          "Эти замедления вписываются в более широкую картину: в 2017–2018 годах социальные сети и мессенджеры в Казахстане неоднократно работали со сбоями. Этот период описан в докладе Freedom House «Свобода в интернете — 2018» по Казахстану.",
          "В данных STOP кампании #KeepItOn (Access Now) событие отнесено к категории «контроль над информацией», а в графе окончания указано «продолжается». Ни один источник не называет даты окончания и не сообщает, сколько часов длилось замедление, поэтому трекер указывает окончание как незафиксированное и не учитывает эти часы.",
        ].join("\n\n"),
        causeDetails:
          "Контроль над информацией: замедление приурочено к прямым трансляциям оппозиции (классификация данных STOP).",
      },
    },
    status: "PUBLISHED",
    verification: "CORROBORATED",
    startsAt: "2018-03-15T00:00:00+06:00",
    startPrecision: "DAY",
    endStatus: "NOT_RECORDED",
    scope: "NATIONAL",
    type: "THROTTLING",
    services: ["OTHER"],
    servicesOther: "Opposition live streams; social networks and messaging apps (not named individually in the sources)",
    cause: "OTHER",
    causeDetails: "Information control: throttling timed to opposition live streams (the STOP data's classification).",
    operators: [],
    regions: [],
    phases: [
      {
        label: "Throttling during opposition live streams",
        description:
          "Fixed broadband and mobile internet slowed down nationwide while opposition live streams were on air, from 15 March 2018. No end is recorded.",
        translations: {
          ru: {
            label: "Замедление во время трансляций оппозиции",
            description:
              "С 15 марта 2018 года фиксированный и мобильный интернет по всей стране замедлялся на время прямых трансляций оппозиции. Окончание не зафиксировано.",
          },
        },
        type: "THROTTLING",
        extent: "INTERMITTENT",
        startsAt: "2018-03-15T00:00:00+06:00",
        startPrecision: "DAY",
        endStatus: "NOT_RECORDED",
        services: ["OTHER"],
      },
    ],
    sources: [
      {
        kind: "NEWS",
        url: "https://eurasianet.org/kazakhstan-is-throttling-the-internet-when-the-presidents-rival-is-online",
        title: "Kazakhstan is throttling the internet when the president's rival is online",
        publisher: "Eurasianet",
        phase: 0,
      },
      {
        kind: "CIVIL_SOCIETY_REPORT",
        url: "https://freedomhouse.org/country/kazakhstan/freedom-net/2018",
        title: "Freedom on the Net 2018: Kazakhstan (country report)",
        publisher: "Freedom House",
        note: "Covers the repeated disruption of social networks and messaging apps in 2017–2018.",
        translations: { ru: { note: "Описывает неоднократные сбои в работе социальных сетей и мессенджеров в 2017–2018 годах." } },
      },
      {
        kind: "CIVIL_SOCIETY_REPORT",
        url: STOP_URL,
        title: "#KeepItOn STOP data, 2016–2018 sheet (Access Now's shutdown dataset; campaign page)",
        publisher: "Access Now",
        note: 'Classes the event as "information control" and records the end as "Ongoing".',
        translations: { ru: { note: "Относит событие к категории «контроль над информацией» и указывает окончание как «продолжается»." } },
      },
    ],
    discrepancies: [
      {
        topic: "DATES",
        description:
          'The STOP data (2016–2018 sheet) records the end of the event as "Ongoing". The other sources give no end date.',
        resolution:
          'The tracker records the end as unknown rather than ongoing: "Ongoing" reflects the sheet at the time it was compiled, and no source says whether or when the throttling stopped.',
        translations: {
          ru: {
            description:
              "В данных STOP (лист 2016–2018 годов) окончание события указано как «продолжается». Другие источники дату окончания не называют.",
            resolution:
              "Трекер указывает окончание как неизвестное, а не как продолжающееся: отметка «продолжается» отражает состояние таблицы на момент её составления, и ни один источник не сообщает, прекратилось ли замедление и когда.",
          },
        },
        sources: [2],
      },
    ],
  },

  // ---------------------------------------------------------------------------
  // 2. 9 May 2019: Victory Day protests
  // ---------------------------------------------------------------------------
  {
    slug: "2019-05-victory-day-social-media-blocking",
    title: "Social media and news sites blocked during Victory Day protests (9 May 2019)",
    summary:
      "During protests on 9 May 2019, Facebook, Instagram and YouTube were blocked on most providers from about 07:00 to 14:00 UTC, together with news and campaign websites such as rus.azattyq.org and vlast.kz.",
    body: [
      "On Victory Day, 9 May 2019, as protests took place, Facebook, Instagram and YouTube became unreachable on most internet providers from about 07:00 UTC (13:00 in Almaty) until about 14:00 UTC (20:00). News and campaign websites were blocked at the same time, among them rus.azattyq.org and vlast.kz.",
      "[NetBlocks](https://netblocks.org/reports/social-media-blocked-in-kazakhstan-on-victory-day-eBOg47BZ) documented the blocking with network measurements, and [RFE/RL](https://rferl.org/a/rfe-rl-s-kazakh-website-other-sites-not-accessible-in-kazakhstan/29930391.html) reported that its Kazakh website and other sites could not be reached. Beeline, Kcell and Tele2/Altel are named as the operators involved.",
      "Access Now's STOP data dates the event 9–19 May and also lists Telegram; the tracker follows the single-day account of NetBlocks and RFE/RL and shows the difference below.",
    ].join("\n\n"),
    translations: {
      ru: {
        servicesOther: "Новостные и предвыборные сайты, например rus.azattyq.org и vlast.kz",
        title: "Блокировка соцсетей и новостных сайтов во время протестов в День Победы (9 мая 2019 года)",
        summary:
          "Во время протестов 9 мая 2019 года Facebook, Instagram и YouTube были заблокированы у большинства провайдеров примерно с 07:00 до 14:00 UTC, как и новостные и агитационные сайты, например rus.azattyq.org и vlast.kz.",
        body: [
          "В День Победы, 9 мая 2019 года, во время протестов Facebook, Instagram и YouTube стали недоступны у большинства интернет-провайдеров примерно с 07:00 UTC (13:00 по Алматы) до примерно 14:00 UTC (20:00). Одновременно были заблокированы новостные и агитационные сайты, в том числе rus.azattyq.org и vlast.kz.",
          "[NetBlocks](https://netblocks.org/reports/social-media-blocked-in-kazakhstan-on-victory-day-eBOg47BZ) зафиксировал блокировку сетевыми измерениями, а [RFE/RL](https://rferl.org/a/rfe-rl-s-kazakh-website-other-sites-not-accessible-in-kazakhstan/29930391.html) сообщила, что её казахский сайт и другие ресурсы были недоступны. Среди причастных операторов названы Beeline, Kcell и Tele2/Altel.",
          "В данных STOP (Access Now) событие датировано 9–19 мая, и в нём также указан Telegram; трекер следует описанию NetBlocks и RFE/RL, по которому блокировка длилась один день, а расхождение показано ниже.",
        ].join("\n\n"),
        causeDetails: "Протесты в День Победы, 9 мая 2019 года.",
      },
    },
    status: "PUBLISHED",
    verification: "CONFIRMED_BY_MEASUREMENT",
    startsAt: "2019-05-09T07:00:00Z",
    startPrecision: "HOUR",
    endsAt: "2019-05-09T14:00:00Z",
    endPrecision: "HOUR",
    scope: "NATIONAL",
    type: "SERVICE_BLOCKING",
    services: ["FACEBOOK", "INSTAGRAM", "YOUTUBE", "OTHER"],
    servicesOther: "News and campaign websites, e.g. rus.azattyq.org and vlast.kz",
    cause: "PROTEST",
    causeDetails: "Protests on Victory Day, 9 May 2019.",
    operators: ["beeline", "kcell", "tele2-altel"],
    regions: [],
    phases: [
      {
        label: "Facebook, Instagram and YouTube blocked",
        description: "The three platforms were blocked on most providers from about 07:00 to about 14:00 UTC.",
        translations: {
          ru: {
            label: "Блокировка Facebook, Instagram и YouTube",
            description: "Три платформы были заблокированы у большинства провайдеров примерно с 07:00 до 14:00 UTC.",
          },
        },
        type: "SERVICE_BLOCKING",
        extent: "PARTIAL",
        startsAt: "2019-05-09T07:00:00Z",
        startPrecision: "HOUR",
        endsAt: "2019-05-09T14:00:00Z",
        endPrecision: "HOUR",
        services: ["FACEBOOK", "INSTAGRAM", "YOUTUBE"],
        operators: ["beeline", "kcell", "tele2-altel"],
      },
      {
        label: "News and campaign websites blocked",
        description:
          "News and campaign websites, among them rus.azattyq.org and vlast.kz, were blocked over the same hours.",
        translations: {
          ru: {
            label: "Блокировка новостных и агитационных сайтов",
            description:
              "В те же часы были заблокированы новостные и агитационные сайты, в том числе rus.azattyq.org и vlast.kz.",
          },
        },
        type: "WEBSITE_BLOCKING",
        extent: "PARTIAL",
        startsAt: "2019-05-09T07:00:00Z",
        startPrecision: "HOUR",
        endsAt: "2019-05-09T14:00:00Z",
        endPrecision: "HOUR",
        services: ["OTHER"],
        operators: ["beeline", "kcell", "tele2-altel"],
      },
    ],
    sources: [
      {
        kind: "MEASUREMENT",
        url: "https://netblocks.org/reports/social-media-blocked-in-kazakhstan-on-victory-day-eBOg47BZ",
        title: "Social media blocked in Kazakhstan on Victory Day",
        publisher: "NetBlocks",
        phase: 0,
      },
      {
        kind: "NEWS",
        url: "https://rferl.org/a/rfe-rl-s-kazakh-website-other-sites-not-accessible-in-kazakhstan/29930391.html",
        title: "RFE/RL's Kazakh website, other sites not accessible in Kazakhstan",
        publisher: "RFE/RL",
        phase: 1,
      },
      {
        kind: "CIVIL_SOCIETY_REPORT",
        url: STOP_URL,
        title: "#KeepItOn STOP data, 2019 sheet: Kazakhstan, May 2019 entry (campaign page)",
        publisher: "Access Now",
        note: "Dates the event 9–19 May 2019 and lists Telegram among the affected services.",
        translations: { ru: { note: "Датирует событие 9–19 мая 2019 года и называет Telegram среди затронутых сервисов." } },
      },
    ],
    discrepancies: [
      {
        topic: "DATES",
        description:
          "The STOP data dates the event 9–19 May 2019. NetBlocks and RFE/RL describe blocking on 9 May only, from about 07:00 to 14:00 UTC.",
        resolution:
          "The tracker records 9 May, 07:00–14:00 UTC, as measured by NetBlocks and reported by RFE/RL; neither source describes blocking on the later days.",
        translations: {
          ru: {
            description:
              "В данных STOP событие датировано 9–19 мая 2019 года. NetBlocks и RFE/RL описывают блокировку только 9 мая, примерно с 07:00 до 14:00 UTC.",
            resolution:
              "Трекер указывает 9 мая, 07:00–14:00 UTC, по измерениям NetBlocks и сообщению RFE/RL; ни один из этих источников не описывает блокировки в последующие дни.",
          },
        },
        sources: [2, 0, 1],
      },
      {
        topic: "SERVICES",
        description: "The STOP data lists Telegram among the blocked services; NetBlocks and RFE/RL do not mention it.",
        resolution:
          "The tracker lists Facebook, Instagram, YouTube and the news and campaign websites, which the measurement and news sources agree on, and leaves Telegram out.",
        translations: {
          ru: {
            description:
              "В данных STOP среди заблокированных сервисов указан Telegram; NetBlocks и RFE/RL его не упоминают.",
            resolution:
              "Трекер указывает Facebook, Instagram, YouTube, а также новостные и агитационные сайты, в чём сходятся измерения и новостные источники, и не включает Telegram.",
          },
        },
        sources: [2, 0, 1],
      },
    ],
  },

  // ---------------------------------------------------------------------------
  // 3. 9–10 June 2019: presidential election
  // ---------------------------------------------------------------------------
  {
    slug: "2019-06-election-day-disruptions",
    title: "Election-day internet cut and social media restrictions (9–10 June 2019)",
    summary:
      'On the day of the presidential election of 9 June 2019, Periscope was blocked from 01:00 UTC, the internet was cut nationwide for about an hour from about 05:00 UTC as protesters were detained, and streaming services, Facebook, Twitter, Instagram and VPNs were restricted. Officials cited "technical problems".',
    body: [
      "Kazakhstan held a presidential election on 9 June 2019. From 01:00 UTC (07:00 in Almaty) the live-streaming service Periscope was blocked.",
      "At about 05:00 UTC the internet was cut across the country for about one hour, while protesters were being detained in Nur-Sultan (now Astana), Almaty and Shymkent. Over 9–10 June streaming services, Facebook, Twitter and Instagram were restricted, and VPNs were blocked. Beeline, Kcell and Tele2/Altel are named as the operators involved.",
      '[NetBlocks](https://netblocks.org/reports/internet-and-streaming-services-blocked-in-kazakhstan-on-election-day-dAmOP7y9) documented the disruptions. The official explanation was "technical problems".',
    ].join("\n\n"),
    translations: {
      ru: {
        govJustificationDetails: "Официальные лица объяснили сбои «техническими проблемами».",
        servicesOther: "Periscope; сервисы прямых трансляций",
        title: "Отключение интернета и ограничение соцсетей в день выборов (9–10 июня 2019 года)",
        summary:
          "В день президентских выборов 9 июня 2019 года с 01:00 UTC был заблокирован Periscope, примерно с 05:00 UTC интернет по всей стране был отключён примерно на час во время задержаний протестующих, а стриминговые сервисы, Facebook, Twitter, Instagram и VPN были ограничены. Официальные лица сослались на «технические проблемы».",
        body: [
          "9 июня 2019 года в Казахстане прошли президентские выборы. С 01:00 UTC (07:00 по Алматы) был заблокирован сервис прямых трансляций Periscope.",
          "Примерно в 05:00 UTC интернет по всей стране отключился примерно на час — в то время, когда в Нур-Султане (ныне Астана), Алматы и Шымкенте задерживали протестующих. 9–10 июня были ограничены стриминговые сервисы, Facebook, Twitter и Instagram, а также заблокированы VPN. Среди причастных операторов названы Beeline, Kcell и Tele2/Altel.",
          "Сбои задокументировал [NetBlocks](https://netblocks.org/reports/internet-and-streaming-services-blocked-in-kazakhstan-on-election-day-dAmOP7y9). Официальное объяснение — «технические проблемы».",
        ].join("\n\n"),
        causeDetails:
          "Президентские выборы 9 июня 2019 года; задержания протестующих в Нур-Султане (ныне Астана), Алматы и Шымкенте.",
      },
    },
    status: "PUBLISHED",
    verification: "CONFIRMED_BY_MEASUREMENT",
    startsAt: "2019-06-09T00:00:00+06:00",
    startPrecision: "DAY",
    endsAt: "2019-06-10T00:00:00+06:00",
    endPrecision: "DAY",
    scope: "NATIONAL",
    type: "FULL_BLACKOUT",
    services: ["FACEBOOK", "TWITTER", "INSTAGRAM", "VPN", "OTHER"],
    servicesOther: "Periscope; live-streaming services",
    cause: "ELECTION",
    causeDetails:
      "Presidential election of 9 June 2019; detentions of protesters in Nur-Sultan (now Astana), Almaty and Shymkent.",
    govJustification: "TECHNICAL_PROBLEMS",
    govJustificationDetails: 'Officials attributed the disruptions to "technical problems".',
    operators: ["beeline", "kcell", "tele2-altel"],
    regions: ["astana", "almaty-city", "shymkent"],
    phases: [
      {
        label: "Periscope blocked",
        description:
          "The live-streaming service Periscope was blocked from 01:00 UTC on 9 June, on the operators named for the election day. No end time is given; the report describes election day, so the phase is counted to the end of 9 June.",
        translations: {
          ru: {
            label: "Блокировка Periscope",
            description:
              "Сервис прямых трансляций Periscope был заблокирован с 01:00 UTC 9 июня у операторов, названных для дня выборов. Время окончания не указано; отчёт описывает день выборов, поэтому фаза учитывается до конца 9 июня.",
          },
        },
        type: "SERVICE_BLOCKING",
        extent: "FULL",
        startsAt: "2019-06-09T01:00:00Z",
        startPrecision: "HOUR",
        endStatus: "NOT_RECORDED",
        lastReportedOn: "2019-06-09",
        services: ["OTHER"],
        allOperators: true,
      },
      {
        label: "Nationwide internet cut of about one hour",
        description:
          "The internet was cut across the country for about an hour from about 05:00 UTC, while protesters were detained in Nur-Sultan (now Astana), Almaty and Shymkent. The end is estimated from the reported duration.",
        translations: {
          ru: {
            label: "Отключение интернета по всей стране примерно на час",
            description:
              "Примерно с 05:00 UTC интернет по всей стране был отключён примерно на час — во время задержаний протестующих в Нур-Султане (ныне Астана), Алматы и Шымкенте. Время окончания рассчитано по сообщённой продолжительности.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "FULL",
        startsAt: "2019-06-09T05:00:00Z",
        startPrecision: "HOUR",
        endsAt: "2019-06-09T06:00:00Z",
        endPrecision: "ESTIMATED",
        allOperators: true,
      },
      {
        label: "Streaming, social media and VPNs restricted",
        description:
          "Streaming services, Facebook, Twitter and Instagram were restricted and VPNs were blocked over 9–10 June. The sources give no times for this phase.",
        translations: {
          ru: {
            label: "Ограничение стриминга, соцсетей и VPN",
            description:
              "9–10 июня были ограничены стриминговые сервисы, Facebook, Twitter и Instagram, а также заблокированы VPN. Время начала и окончания этой фазы в источниках не указано.",
          },
        },
        type: "SERVICE_BLOCKING",
        extent: "FULL",
        startsAt: "2019-06-09T00:00:00+06:00",
        startPrecision: "DAY",
        endsAt: "2019-06-10T00:00:00+06:00",
        endPrecision: "DAY",
        services: ["FACEBOOK", "TWITTER", "INSTAGRAM", "VPN", "OTHER"],
        allOperators: true,
      },
    ],
    sources: [
      {
        kind: "MEASUREMENT",
        url: "https://netblocks.org/reports/internet-and-streaming-services-blocked-in-kazakhstan-on-election-day-dAmOP7y9",
        title: "Internet and streaming services blocked in Kazakhstan on election day",
        publisher: "NetBlocks",
        note: 'The report\'s text says "9 May" once; its update and the election date show 9 June.',
        translations: { ru: { note: "В тексте доклада один раз указано «9 мая»; его обновление и дата выборов указывают на 9 июня." } },
      },
    ],
    acknowledgements: [
      {
        party: "GOVERNMENT",
        statement: 'The authorities attributed the disruptions to "technical problems".',
        translations: {
          ru: { statement: "Власти объяснили сбои «техническими проблемами»." },
        },
      },
    ],
    discrepancies: [
      {
        topic: "DATES",
        description:
          'The NetBlocks report\'s text gives the date once as "9 May", while its update and the date of the election show 9 June.',
        resolution:
          'The tracker records 9 June 2019, the election day; "9 May" is treated as a slip in the report\'s text.',
        translations: {
          ru: {
            description:
              "В тексте отчёта NetBlocks один раз указана дата «9 мая», тогда как обновление отчёта и дата выборов указывают на 9 июня.",
            resolution:
              "Трекер указывает 9 июня 2019 года — день выборов; «9 мая» считается опиской в тексте отчёта.",
          },
        },
        sources: [0],
      },
    ],
  },

  // ---------------------------------------------------------------------------
  // 4. 11–12 June 2019: post-election protests
  // ---------------------------------------------------------------------------
  {
    slug: "2019-06-post-election-social-media-restrictions",
    title: "Social media restricted during post-election protests (11–12 June 2019)",
    summary:
      "As protests continued after the presidential election, Facebook, Twitter and Instagram were restricted from 09:00 UTC on 11 June 2019. NetBlocks also reported WhatsApp as affected.",
    body: [
      "Protests followed the presidential election of 9 June 2019. From 09:00 UTC (15:00 in Almaty) on 11 June, Facebook, Twitter and Instagram were restricted, and the restrictions were reported into 12 June.",
      "[NetBlocks](https://x.com/netblocks/status/1138506590045331456) reported the restrictions and also listed WhatsApp. Access Now's STOP data does not list WhatsApp; its notes say that Facebook's transparency data showed a disruption on 12–13 June.",
    ].join("\n\n"),
    translations: {
      ru: {
        title: "Ограничение соцсетей во время протестов после выборов (11–12 июня 2019 года)",
        summary:
          "На фоне протестов после президентских выборов с 09:00 UTC 11 июня 2019 года были ограничены Facebook, Twitter и Instagram. NetBlocks также сообщил о сбоях в работе WhatsApp.",
        body: [
          "После президентских выборов 9 июня 2019 года прошли протесты. С 09:00 UTC (15:00 по Алматы) 11 июня были ограничены Facebook, Twitter и Instagram; об ограничениях сообщалось и 12 июня.",
          "[NetBlocks](https://x.com/netblocks/status/1138506590045331456) сообщил об ограничениях и указал также WhatsApp. В данных STOP (Access Now) WhatsApp не указан; в примечаниях к ним говорится, что данные Facebook о прозрачности показали сбой 12–13 июня.",
        ].join("\n\n"),
        causeDetails: "Протесты после президентских выборов 9 июня 2019 года.",
      },
    },
    status: "PUBLISHED",
    verification: "CONFIRMED_BY_MEASUREMENT",
    startsAt: "2019-06-11T09:00:00Z",
    startPrecision: "HOUR",
    endsAt: "2019-06-12T00:00:00+06:00",
    endPrecision: "DAY",
    scope: "NATIONAL",
    type: "SERVICE_BLOCKING",
    services: ["FACEBOOK", "TWITTER", "INSTAGRAM", "WHATSAPP"],
    cause: "PROTEST",
    causeDetails: "Protests after the presidential election of 9 June 2019.",
    operators: [],
    regions: [],
    phases: [
      {
        label: "Facebook, Twitter and Instagram restricted",
        description:
          "Restrictions from 09:00 UTC on 11 June into 12 June. NetBlocks also lists WhatsApp; the STOP data does not.",
        translations: {
          ru: {
            label: "Ограничение Facebook, Twitter и Instagram",
            description:
              "Ограничения с 09:00 UTC 11 июня, продолжавшиеся 12 июня. NetBlocks указывает также WhatsApp, данные STOP — нет.",
          },
        },
        type: "SERVICE_BLOCKING",
        extent: "FULL",
        startsAt: "2019-06-11T09:00:00Z",
        startPrecision: "HOUR",
        endsAt: "2019-06-12T00:00:00+06:00",
        endPrecision: "DAY",
        services: ["FACEBOOK", "TWITTER", "INSTAGRAM", "WHATSAPP"],
      },
    ],
    sources: [
      {
        kind: "MEASUREMENT",
        url: "https://x.com/netblocks/status/1138506590045331456",
        title: "NetBlocks post on X about social media restrictions in Kazakhstan, June 2019",
        publisher: "NetBlocks",
        note: "Lists WhatsApp among the restricted services.",
        translations: { ru: { note: "Называет WhatsApp среди ограниченных сервисов." } },
        phase: 0,
      },
      {
        kind: "CIVIL_SOCIETY_REPORT",
        url: STOP_URL,
        title: "#KeepItOn STOP data, 2019 sheet: Kazakhstan, June 2019 entry (campaign page)",
        publisher: "Access Now",
        note: "Does not list WhatsApp. Its notes say Facebook's transparency data showed a disruption on 12–13 June.",
        translations: { ru: { note: "Не называет WhatsApp. В примечаниях сказано, что данные Facebook о прозрачности показали сбой 12–13 июня." } },
      },
    ],
    discrepancies: [
      {
        topic: "SERVICES",
        description: "NetBlocks lists WhatsApp among the restricted services; the STOP data does not.",
        resolution:
          "The tracker includes WhatsApp because NetBlocks reports it from network measurements, and shows that the STOP data leaves it out.",
        translations: {
          ru: {
            description: "NetBlocks указывает WhatsApp среди ограниченных сервисов, а данные STOP — нет.",
            resolution:
              "Трекер включает WhatsApp, поскольку NetBlocks сообщает о нём на основе сетевых измерений, и отмечает, что в данных STOP его нет.",
          },
        },
        sources: [0, 1],
      },
      {
        topic: "DATES",
        description:
          "The notes in the STOP data say Facebook's transparency data showed a disruption on 12–13 June, while the restrictions reported by NetBlocks began on 11 June.",
        resolution:
          "The tracker records 11–12 June, starting at 09:00 UTC on 11 June as NetBlocks reported. The Facebook transparency data cited by STOP suggests the disruption may have lasted into 13 June, so the recorded end may be early.",
        translations: {
          ru: {
            description:
              "В примечаниях к данным STOP говорится, что данные Facebook о прозрачности показали сбой 12–13 июня, тогда как ограничения, о которых сообщил NetBlocks, начались 11 июня.",
            resolution:
              "Трекер указывает 11–12 июня с началом в 09:00 UTC 11 июня, по данным NetBlocks. Данные Facebook о прозрачности, на которые ссылается STOP, указывают, что сбой мог продолжаться и 13 июня, поэтому указанное окончание может быть слишком ранним.",
          },
        },
        sources: [1, 0],
      },
    ],
  },

  // ---------------------------------------------------------------------------
  // 5. 28 February 2021: Almaty and Nur-Sultan
  // ---------------------------------------------------------------------------
  {
    slug: "2021-02-almaty-nur-sultan-shutdown",
    title: "Internet shutdown in Almaty and Nur-Sultan during a protest for political prisoners (28 February 2021)",
    summary:
      "On 28 February 2021, internet access was cut completely in Almaty and Nur-Sultan (now Astana) from about 14:00 to 17:00 local time, during protests calling for the release of political prisoners. IODA measurements showed the disruption.",
    body: [
      "On 28 February 2021, protesters in Kazakhstan called for the release of political prisoners. From about 14:00 to 17:00 local time (08:00–11:00 UTC), internet access was shut down completely in Almaty and Nur-Sultan (now Astana). Measurements from IODA showed the disruption.",
      "[Access Now](https://accessnow.org/internet-shutdowns-kazakhstan-feb-28-protests/) documented the shutdown, and [Al Jazeera](https://aljazeera.com/news/2021/2/28/dozens-detained-at-kazakhstan-political-prisoner-protest) reported on the protest and the detentions. Reports of a disruption in Atyrau were not confirmed.",
      "Access Now's STOP data dates this event 28 March 2021, although the links it gives describe 28 February. The tracker records 28 February.",
    ].join("\n\n"),
    translations: {
      ru: {
        title: "Отключение интернета в Алматы и Нур-Султане во время акции за освобождение политзаключённых (28 февраля 2021 года)",
        summary:
          "28 февраля 2021 года доступ в интернет в Алматы и Нур-Султане (ныне Астана) был полностью отключён примерно с 14:00 до 17:00 по местному времени во время акций с требованием освободить политических заключённых. Сбой был виден в измерениях IODA.",
        body: [
          "28 февраля 2021 года в Казахстане прошли акции с требованием освободить политических заключённых. Примерно с 14:00 до 17:00 по местному времени (08:00–11:00 UTC) доступ в интернет в Алматы и Нур-Султане (ныне Астана) был полностью отключён. Сбой был виден в измерениях IODA.",
          "[Access Now](https://accessnow.org/internet-shutdowns-kazakhstan-feb-28-protests/) задокументировал отключение, а [Al Jazeera](https://aljazeera.com/news/2021/2/28/dozens-detained-at-kazakhstan-political-prisoner-protest) сообщила об акции и задержаниях. Сообщения о сбоях в Атырау не подтвердились.",
          "В данных STOP (Access Now) это событие датировано 28 марта 2021 года, хотя приведённые там ссылки описывают 28 февраля. Трекер указывает 28 февраля.",
        ].join("\n\n"),
        causeDetails: "Акции с требованием освободить политических заключённых.",
      },
    },
    status: "PUBLISHED",
    verification: "CONFIRMED_BY_MEASUREMENT",
    startsAt: "2021-02-28T14:00:00+06:00",
    startPrecision: "HOUR",
    endsAt: "2021-02-28T17:00:00+06:00",
    endPrecision: "HOUR",
    scope: "REGIONAL",
    type: "FULL_BLACKOUT",
    services: [],
    cause: "PROTEST",
    causeDetails: "Protests calling for the release of political prisoners.",
    operators: [],
    regions: ["almaty-city", "astana"],
    phases: [
      {
        label: "Full shutdown in Almaty and Nur-Sultan",
        description: "Internet access cut completely in both cities from about 14:00 to 17:00 local time.",
        translations: {
          ru: {
            label: "Полное отключение в Алматы и Нур-Султане",
            description:
              "Доступ в интернет в обоих городах был полностью отключён примерно с 14:00 до 17:00 по местному времени.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "FULL",
        startsAt: "2021-02-28T14:00:00+06:00",
        startPrecision: "HOUR",
        endsAt: "2021-02-28T17:00:00+06:00",
        endPrecision: "HOUR",
        regions: ["almaty-city", "astana"],
      },
    ],
    sources: [
      {
        kind: "CIVIL_SOCIETY_REPORT",
        url: "https://accessnow.org/internet-shutdowns-kazakhstan-feb-28-protests/",
        title: "Internet shutdowns in Kazakhstan during the 28 February protests",
        publisher: "Access Now",
        phase: 0,
      },
      {
        kind: "NEWS",
        url: "https://aljazeera.com/news/2021/2/28/dozens-detained-at-kazakhstan-political-prisoner-protest",
        title: "Dozens detained at Kazakhstan political prisoner protest",
        publisher: "Al Jazeera",
      },
      {
        kind: "CIVIL_SOCIETY_REPORT",
        url: STOP_URL,
        title: "#KeepItOn STOP data, 2021 sheet: Kazakhstan row for this event (campaign page)",
        publisher: "Access Now",
        note: "Dates this row 28 March 2021, although the links it gives describe 28 February.",
        translations: { ru: { note: "Датирует эту строку 28 марта 2021 года, хотя приведённые в ней ссылки описывают 28 февраля." } },
      },
    ],
    discrepancies: [
      {
        topic: "DATES",
        description:
          "The STOP data dates this event 28 March 2021. The links in the same row, Access Now's report and Al Jazeera's article all describe 28 February 2021.",
        resolution:
          "The tracker records 28 February 2021, the date the linked reports describe; the March date in the STOP row appears to be an error.",
        translations: {
          ru: {
            description:
              "В данных STOP это событие датировано 28 марта 2021 года. Ссылки в той же строке, отчёт Access Now и статья Al Jazeera описывают 28 февраля 2021 года.",
            resolution:
              "Трекер указывает 28 февраля 2021 года — дату, которую описывают приведённые материалы; мартовская дата в строке STOP, по всей видимости, ошибочна.",
          },
        },
        sources: [2, 0, 1],
      },
      {
        topic: "REGIONS",
        description: "There were reports of a disruption in Atyrau as well, but they were not confirmed.",
        resolution:
          "The tracker records only Almaty and Nur-Sultan (now Astana) and leaves Atyrau out unless the reports are confirmed.",
        translations: {
          ru: {
            description: "Поступали сообщения о сбоях и в Атырау, но они не подтвердились.",
            resolution:
              "Трекер указывает только Алматы и Нур-Султан (ныне Астана) и не включает Атырау, пока эти сообщения не подтвердятся.",
          },
        },
        sources: [],
      },
    ],
  },

  // ---------------------------------------------------------------------------
  // 6. 27–28 March 2021: protests
  // ---------------------------------------------------------------------------
  {
    slug: "2021-03-social-media-messenger-blocking",
    title: "Facebook, Instagram, WhatsApp and Telegram blocked during protests (27–28 March 2021)",
    summary:
      "During protests on 27–28 March 2021, Facebook, Instagram, WhatsApp and Telegram were blocked on both broadband and mobile networks.",
    body: [
      "During protests on 27–28 March 2021, Facebook, Instagram, WhatsApp and Telegram were blocked for users of both fixed broadband and mobile networks.",
      "The event is recorded in Access Now's STOP data (2021 sheet) and was reported on the Telegram channel [internetkz](https://t.me/s/internetkz). The sources used here do not name the operators or the regions affected.",
      "Note that the same STOP sheet also dates a row to 28 March 2021 whose links describe the shutdown of 28 February 2021; that event is recorded separately in this tracker.",
    ].join("\n\n"),
    translations: {
      ru: {
        title: "Блокировка Facebook, Instagram, WhatsApp и Telegram во время протестов (27–28 марта 2021 года)",
        summary:
          "Во время протестов 27–28 марта 2021 года Facebook, Instagram, WhatsApp и Telegram были заблокированы как в фиксированных, так и в мобильных сетях.",
        body: [
          "Во время протестов 27–28 марта 2021 года Facebook, Instagram, WhatsApp и Telegram были заблокированы для пользователей как фиксированного широкополосного, так и мобильного интернета.",
          "Событие отражено в данных STOP (Access Now, лист 2021 года), о нём также сообщал Telegram-канал [internetkz](https://t.me/s/internetkz). Использованные здесь источники не называют ни операторов, ни затронутые регионы.",
          "Обратите внимание: в той же таблице STOP есть строка, датированная 28 марта 2021 года, ссылки в которой описывают отключение 28 февраля 2021 года; это событие учтено в трекере отдельно.",
        ].join("\n\n"),
        causeDetails: "Протесты 27–28 марта 2021 года.",
      },
    },
    status: "PUBLISHED",
    verification: "REPORTED",
    startsAt: "2021-03-27T00:00:00+06:00",
    startPrecision: "DAY",
    endsAt: "2021-03-28T00:00:00+06:00",
    endPrecision: "DAY",
    scope: "NATIONAL",
    type: "SERVICE_BLOCKING",
    services: ["FACEBOOK", "INSTAGRAM", "WHATSAPP", "TELEGRAM"],
    cause: "PROTEST",
    causeDetails: "Protests on 27–28 March 2021.",
    operators: [],
    regions: [],
    phases: [
      {
        label: "Social media and messengers blocked on broadband and mobile",
        description: "Facebook, Instagram, WhatsApp and Telegram blocked on fixed broadband and mobile networks on 27–28 March.",
        translations: {
          ru: {
            label: "Блокировка соцсетей и мессенджеров в фиксированных и мобильных сетях",
            description:
              "27–28 марта Facebook, Instagram, WhatsApp и Telegram были заблокированы в фиксированных и мобильных сетях.",
          },
        },
        type: "SERVICE_BLOCKING",
        extent: "FULL",
        startsAt: "2021-03-27T00:00:00+06:00",
        startPrecision: "DAY",
        endsAt: "2021-03-28T00:00:00+06:00",
        endPrecision: "DAY",
        services: ["FACEBOOK", "INSTAGRAM", "WHATSAPP", "TELEGRAM"],
      },
    ],
    sources: [
      {
        kind: "CIVIL_SOCIETY_REPORT",
        url: STOP_URL,
        title: "#KeepItOn STOP data, 2021 sheet: Kazakhstan, 27–28 March 2021 entry (campaign page)",
        publisher: "Access Now",
        phase: 0,
      },
      {
        kind: "FIRST_HAND_ACCOUNT",
        url: "https://t.me/s/internetkz",
        title: "Telegram channel internetkz (public web view)",
        publisher: "internetkz (Telegram channel)",
        phase: 0,
      },
    ],
  },

  // ---------------------------------------------------------------------------
  // 7. January 2022: "Qantar"
  //
  // Reviewed in December 2026 against the finer timeline in the facts file:
  // the cut and each recut as its own phase (IODA's restorations are the gaps
  // between them), Almaty's 111 hours and Nur-Sultan's fixed-line cuts as
  // regional phases, and the disagreements as discrepancies. Hours are counted
  // from these phases only (decision 0013); between 11 and 17 January no source
  // says which networks or places were still cut, so nothing is counted there.
  // ---------------------------------------------------------------------------
  {
    slug: "2022-01-qantar-shutdowns",
    title: 'Nationwide internet shutdowns during the January 2022 unrest ("Qantar")',
    summary:
      "As fuel-price protests spread from Zhanaozen and turned into nationwide unrest in January 2022, messaging apps were restricted and mobile internet throttled; from about 10:45 UTC on 5 January fixed and mobile networks were cut nationwide, with brief restorations and recuts until 10 January. Connectivity was stable again from 11 January, and Access Now reported access restored nationwide on 17 January.",
    body: [
      "Protests over fuel prices began in Zhanaozen, Mangystau Region, on 2 January 2022, and problems with internet access were reported there at once; by 4 January residents of Aktau had been without mobile or home internet for three days, according to one local outlet. On 4 January WhatsApp, Telegram and Signal were restricted across the country. Mobile traffic started to fall at about 14:30 UTC that day, and after 16:00 UTC Kcell's and Tele2's traffic dropped sharply, though not to zero, which [Cloudflare](https://blog.cloudflare.com/) read as throttling rather than a cut.",
      "On 5 January fixed and mobile networks were cut across the country. The measurers agree to within an hour on when: Cloudflare saw traffic fall after 10:30 UTC with a spike of BGP withdrawals at about 10:45 UTC, Kentik gives 16:45 local time, NetBlocks about 17:00, Global Check 17:32 for Kazakhtelecom, and [RIPE Atlas](https://labs.ripe.net/author/emileaben/the-kazakhstan-outage-as-seen-from-ripe-atlas) about 11:15 UTC. The tracker records about 10:45 UTC. A state of emergency was declared in Almaty and Mangystau, then across the whole country.",
      "IODA's charts, collected on [net4people](https://github.com/net4people/bbs/issues/99), show the country coming back online five times for a few hours (UTC): 5 January 17:30–22:00, 6 January 10:30–14:00, and 02:30–06:00 on 7, 8 (until 10:00) and 9 January; each time the networks were cut again. The tracker records each cut as a phase, so the restorations are the gaps between them. On 8 January the minister said access would return in stages. In Nur-Sultan (now Astana), TASS reported fixed-line cuts and restorations at somewhat different times, recorded here as phases of their own.",
      "[RFE/RL](https://rferl.org/a/kazakhstan-unrest-internet-resumes-almaty/31646931.html) reported Almaty reconnected early on 10 January after about 111 hours offline. Other accounts disagree: full access only from 09:00 to 13:00 that day (Forbes, via Kloop), a nationwide restoration for a few hours followed by a new cut (Reuters, citing NetBlocks), and no stable internet in Almaty until 11 January (the deputy foreign minister, to Izvestia). In Nur-Sultan the fixed line came back on 10 January while mobile internet stayed blocked. Connectivity was stable from about 02:15 UTC on 11 January; on 17 January Access Now reported access restored nationwide.",
      'Kcell told its subscribers that the restrictions had been ordered under Article 41-1 of the Law "On Communications", in the interests of counter-terrorism and public safety; Beeline called the cause "beyond our control". Under that law the General Prosecutor may order a shutdown without a court decision. The government justified the shutdown on grounds of national security and counter-terrorism. All four major operators — Kazakhtelecom, Kcell, Beeline and Tele2/Altel — were involved.',
      "Sources differ on when the cut began, on how long Almaty was offline, on when the incident ended (the STOP data records 4–11 January) and on what it cost: about USD 410–429 million according to Top10VPN, and over USD 460 million according to NetBlocks as reported by [drfl.kz](https://projects.drfl.kz/shutdown2022/en/internet_shutdown). Each disagreement is set out below.",
    ].join("\n\n"),
    translations: {
      ru: {
        legalBasis: "Статья 41-1 Закона «О связи», на которую сослался Kcell. По Закону о связи Генеральный прокурор может распорядиться об отключении без решения суда.",
        govJustificationDetails: "Национальная безопасность и борьба с терроризмом. Kcell, сообщая абонентам о введённых по предписанию ограничениях, сослался на борьбу с терроризмом и общественную безопасность.",
        title: "Отключения интернета по всей стране во время январских событий 2022 года («Кантар»)",
        summary:
          "Когда протесты из-за цен на топливо распространились из Жанаозена и переросли в беспорядки по всей стране, в январе 2022 года были ограничены мессенджеры и замедлен мобильный интернет; примерно с 10:45 UTC 5 января фиксированные и мобильные сети были отключены по всей стране, а до 10 января связь ненадолго возвращалась и снова пропадала. Связь стабилизировалась с 11 января, а 17 января Access Now сообщил о восстановлении доступа по всей стране.",
        body: [
          "Протесты из-за цен на топливо начались 2 января 2022 года в Жанаозене (Мангистауская область), и оттуда сразу стали поступать сообщения о проблемах с интернетом; по данным одного местного издания, к 4 января жители Актау уже три дня оставались без мобильного и домашнего интернета. 4 января по всей стране были ограничены WhatsApp, Telegram и Signal. В тот же день примерно с 14:30 UTC начал падать мобильный трафик, а после 16:00 UTC трафик Kcell и Tele2 резко снизился, хотя и не до нуля; [Cloudflare](https://blog.cloudflare.com/) расценил это как замедление, а не отключение.",
          "5 января фиксированные и мобильные сети были отключены по всей стране. Измерители расходятся во времени не больше чем на час: Cloudflare видел падение трафика после 10:30 UTC и всплеск отзыва BGP-маршрутов около 10:45 UTC, Kentik называет 16:45 по местному времени, NetBlocks — около 17:00, Global Check — 17:32 для Казахтелекома, а [RIPE Atlas](https://labs.ripe.net/author/emileaben/the-kazakhstan-outage-as-seen-from-ripe-atlas) — около 11:15 UTC. Трекер указывает около 10:45 UTC. В Алматы и Мангистауской области, а затем и по всей стране было объявлено чрезвычайное положение.",
          "Графики IODA, собранные на [net4people](https://github.com/net4people/bbs/issues/99), показывают, что страна пять раз ненадолго возвращалась в сеть (UTC): 5 января 17:30–22:00, 6 января 10:30–14:00 и 02:30–06:00 7, 8 (до 10:00) и 9 января; каждый раз сети снова отключали. Трекер записывает каждое отключение отдельной фазой, так что восстановления — это промежутки между ними. 8 января министр заявил, что доступ будет возвращаться поэтапно. В Нур-Султане (ныне Астана), по данным ТАСС, фиксированную связь отключали и включали в несколько иное время; эти отключения записаны отдельными фазами.",
          "[RFE/RL](https://rferl.org/a/kazakhstan-unrest-internet-resumes-almaty/31646931.html) сообщила, что Алматы снова подключили рано утром 10 января, примерно через 111 часов без связи. Другие источники с этим расходятся: полный доступ был только с 09:00 до 13:00 в тот день (Forbes, в изложении Kloop), интернет по всей стране вернули на несколько часов, а затем снова отключили (Reuters со ссылкой на NetBlocks), стабильного интернета в Алматы не было до 11 января (заместитель министра иностранных дел в интервью «Известиям»). В Нур-Султане 10 января вернули фиксированную связь, а мобильный интернет оставался заблокированным. С примерно 02:15 UTC 11 января связь работала стабильно; 17 января Access Now сообщил о восстановлении доступа по всей стране.",
          "Kcell сообщил абонентам, что ограничения введены на основании статьи 41-1 Закона «О связи» в интересах борьбы с терроризмом и обеспечения общественной безопасности; Beeline назвал причину «не зависящей от нас». Согласно этому закону, Генеральный прокурор может распорядиться об отключении без решения суда. Правительство обосновало отключение соображениями национальной безопасности и борьбы с терроризмом. Были задействованы все четыре крупных оператора — Казахтелеком, Kcell, Beeline и Tele2/Altel.",
          "Источники расходятся во времени начала отключения, в том, сколько Алматы оставался без связи, в дате окончания инцидента (в данных STOP указаны 4–11 января) и в оценке ущерба: около 410–429 млн долларов США по данным Top10VPN и более 460 млн долларов по данным NetBlocks в изложении [drfl.kz](https://projects.drfl.kz/shutdown2022/en/internet_shutdown). Каждое расхождение описано ниже.",
        ].join("\n\n"),
        causeDetails:
          "Протесты из-за цен на топливо, начавшиеся 2 января 2022 года в Жанаозене и переросшие в беспорядки по всей стране («Кантар»); в Алматы и Мангистауской области, а затем по всей стране было объявлено чрезвычайное положение.",
      },
    },
    status: "PUBLISHED",
    verification: "CONFIRMED_BY_OPERATOR",
    startsAt: "2022-01-02T00:00:00+06:00",
    startPrecision: "DAY",
    endsAt: "2022-01-17T00:00:00+06:00",
    endPrecision: "DAY",
    scope: "NATIONAL",
    type: "FULL_BLACKOUT",
    services: ["WHATSAPP", "TELEGRAM", "SIGNAL"],
    cause: "UNREST",
    causeDetails:
      'Fuel-price protests that began in Zhanaozen on 2 January 2022 and turned into nationwide unrest ("Qantar"); a state of emergency was declared in Almaty and Mangystau, then nationwide.',
    govJustification: "NATIONAL_SECURITY",
    govJustificationDetails:
      "National security and counter-terrorism. Kcell cited anti-terrorism and public safety when it told subscribers the restrictions had been ordered.",
    legalBasis:
      'Article 41-1 of the Law "On Communications", cited by Kcell. Under the Law on Communications the General Prosecutor may order shutdowns without a court decision.',
    operators: ALL_OPERATORS,
    regions: ["astana", "almaty-city", "mangystau"],
    phases: [
      /* 0 */ {
        label: "Mobile and home internet down in Mangystau",
        description:
          "Access problems were reported in Zhanaozen as the protests began on 2 January, and by 4 January Aktau had been without mobile and home internet for three days (mgorod.kz, a single source). No source names the networks or gives an end, so the phase is counted to the end of 4 January, the last day reported, and only for Mangystau.",
        translations: {
          ru: {
            label: "Нет мобильного и домашнего интернета в Мангистауской области",
            description:
              "С началом протестов 2 января поступили сообщения о проблемах с доступом в Жанаозене, а к 4 января Актау уже три дня был без мобильного и домашнего интернета (mgorod.kz, единственный источник). Ни один источник не называет сети и не указывает окончания, поэтому фаза учитывается до конца 4 января — последнего дня, о котором есть сообщения, — и только для Мангистауской области.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "PARTIAL",
        startsAt: "2022-01-02T00:00:00+06:00",
        startPrecision: "DAY",
        endStatus: "NOT_RECORDED",
        lastReportedOn: "2022-01-04",
        regions: ["mangystau"],
      },
      /* 1 */ {
        label: "WhatsApp, Telegram and Signal restricted nationwide",
        description:
          "The three messaging apps were restricted across the country on 4 January, on every network. No source gives an end; the nationwide cut of 5 January followed, so the restriction is counted for 4 January only.",
        translations: {
          ru: {
            label: "Ограничение WhatsApp, Telegram и Signal по всей стране",
            description:
              "4 января три мессенджера были ограничены по всей стране во всех сетях. Окончание ни один источник не называет; 5 января последовало общенациональное отключение, поэтому ограничение учитывается только за 4 января.",
          },
        },
        type: "SERVICE_BLOCKING",
        extent: "FULL",
        startsAt: "2022-01-04T00:00:00+06:00",
        startPrecision: "DAY",
        endStatus: "NOT_RECORDED",
        lastReportedOn: "2022-01-04",
        services: ["WHATSAPP", "TELEGRAM", "SIGNAL"],
        allOperators: true,
      },
      /* 2 */ {
        label: "Kcell and Tele2 mobile traffic throttled",
        description:
          "Mobile traffic fell from about 14:30 UTC on 4 January; after 16:00 UTC Kcell's and Tele2's traffic dropped sharply but not to zero, which looks like throttling rather than a cut (Cloudflare). It merged into the nationwide cut the next day; the end is estimated.",
        translations: {
          ru: {
            label: "Замедление мобильного трафика Kcell и Tele2",
            description:
              "С примерно 14:30 UTC 4 января мобильный трафик падал; после 16:00 UTC трафик Kcell и Tele2 резко снизился, но не до нуля, что похоже на замедление, а не на отключение (Cloudflare). На следующий день оно перешло в общенациональное отключение; окончание оценочное.",
          },
        },
        type: "THROTTLING",
        extent: "PARTIAL",
        startsAt: "2022-01-04T16:00:00Z",
        startPrecision: "HOUR",
        endsAt: "2022-01-05T10:30:00Z",
        endPrecision: "ESTIMATED",
        operators: ["kcell", "tele2-altel"],
      },
      /* 3 */ {
        label: "Nationwide cut of fixed and mobile networks",
        description:
          "Fixed and mobile networks were cut across the country from about 10:45 UTC (16:45 in Almaty) on 5 January; the measurers' times differ by up to an hour (see the disagreements). BGP routes mostly stayed visible. IODA shows a first brief restoration from 17:30 UTC.",
        translations: {
          ru: {
            label: "Отключение фиксированных и мобильных сетей по всей стране",
            description:
              "Фиксированные и мобильные сети были отключены по всей стране примерно с 10:45 UTC (16:45 по Алматы) 5 января; время у разных измерителей расходится до часа (см. расхождения). BGP-маршруты в основном оставались видимыми. IODA показывает первое кратковременное восстановление с 17:30 UTC.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "FULL",
        startsAt: "2022-01-05T10:45:00Z",
        startPrecision: "HOUR",
        endsAt: "2022-01-05T17:30:00Z",
        endPrecision: "HOUR",
        allOperators: true,
      },
      /* 4 */ {
        label: "Almaty offline for about 111 hours",
        description:
          "RFE/RL reported Almaty reconnected early on 10 January after about 111 hours without internet. The end is computed from that duration and the 10:45 UTC start, so it is an estimate; whether IODA's brief nationwide restorations reached Almaty is not known.",
        translations: {
          ru: {
            label: "Алматы без интернета около 111 часов",
            description:
              "По сообщению RFE/RL, Алматы снова подключили рано утром 10 января — примерно через 111 часов без интернета. Время окончания рассчитано по этой продолжительности и началу в 10:45 UTC, поэтому оно оценочное; доходили ли до Алматы кратковременные общенациональные восстановления, которые видел IODA, неизвестно.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "FULL",
        startsAt: "2022-01-05T10:45:00Z",
        startPrecision: "HOUR",
        endsAt: "2022-01-10T01:45:00Z",
        endPrecision: "ESTIMATED",
        allOperators: true,
        regions: ["almaty-city"],
      },
      /* 5 */ {
        label: "Nur-Sultan fixed line down for about six hours",
        description: "TASS reported Nur-Sultan's fixed-line internet down for about six hours from 17:00 local time on 5 January.",
        translations: {
          ru: {
            label: "Фиксированный интернет в Нур-Султане отключён примерно на шесть часов",
            description: "По данным ТАСС, фиксированный интернет в Нур-Султане не работал примерно шесть часов с 17:00 по местному времени 5 января.",
          },
        },
        type: "FIXED_BROADBAND_SHUTDOWN",
        extent: "FULL",
        startsAt: "2022-01-05T11:00:00Z",
        startPrecision: "HOUR",
        endsAt: "2022-01-05T17:00:00Z",
        endPrecision: "ESTIMATED",
        regions: ["astana"],
      },
      /* 6 */ {
        label: "Cut again after the restoration of 5 January, 17:30–22:00 UTC",
        description: "IODA shows the country back online from about 17:30 to 22:00 UTC on 5 January, then cut again until about 10:30 UTC on 6 January.",
        translations: {
          ru: {
            label: "Новое отключение после восстановления 5 января, 17:30–22:00 UTC",
            description: "IODA показывает, что страна была в сети примерно с 17:30 до 22:00 UTC 5 января, после чего её снова отключили примерно до 10:30 UTC 6 января.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "FULL",
        startsAt: "2022-01-05T22:00:00Z",
        startPrecision: "HOUR",
        endsAt: "2022-01-06T10:30:00Z",
        endPrecision: "HOUR",
        allOperators: true,
      },
      /* 7 */ {
        label: "Nur-Sultan fixed line cut from about 19:40 on 6 January",
        description:
          "TASS reported the fixed line in Nur-Sultan cut at about 19:40 local time on 6 January and restored on 7 January at a time it does not give; the phase is counted to the end of 6 January.",
        translations: {
          ru: {
            label: "Фиксированный интернет в Нур-Султане отключён около 19:40 6 января",
            description:
              "По данным ТАСС, фиксированную связь в Нур-Султане отключили около 19:40 по местному времени 6 января и восстановили 7 января в неуказанное время; фаза учитывается до конца 6 января.",
          },
        },
        type: "FIXED_BROADBAND_SHUTDOWN",
        extent: "FULL",
        startsAt: "2022-01-06T13:40:00Z",
        startPrecision: "HOUR",
        endStatus: "NOT_RECORDED",
        lastReportedOn: "2022-01-06",
        regions: ["astana"],
      },
      /* 8 */ {
        label: "Cut again after the restoration of 6 January, 10:30–14:00 UTC",
        description: "IODA shows the country back online from about 10:30 to 14:00 UTC on 6 January, then cut again until about 02:30 UTC on 7 January.",
        translations: {
          ru: {
            label: "Новое отключение после восстановления 6 января, 10:30–14:00 UTC",
            description: "IODA показывает, что страна была в сети примерно с 10:30 до 14:00 UTC 6 января, после чего её снова отключили примерно до 02:30 UTC 7 января.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "FULL",
        startsAt: "2022-01-06T14:00:00Z",
        startPrecision: "HOUR",
        endsAt: "2022-01-07T02:30:00Z",
        endPrecision: "HOUR",
        allOperators: true,
      },
      /* 9 */ {
        label: "Cut again after the restoration of 7 January, 02:30–06:00 UTC",
        description: "IODA shows the country back online from about 02:30 to 06:00 UTC on 7 January, then cut again until about 02:30 UTC on 8 January.",
        translations: {
          ru: {
            label: "Новое отключение после восстановления 7 января, 02:30–06:00 UTC",
            description: "IODA показывает, что страна была в сети примерно с 02:30 до 06:00 UTC 7 января, после чего её снова отключили примерно до 02:30 UTC 8 января.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "FULL",
        startsAt: "2022-01-07T06:00:00Z",
        startPrecision: "HOUR",
        endsAt: "2022-01-08T02:30:00Z",
        endPrecision: "HOUR",
        allOperators: true,
      },
      /* 10 */ {
        label: "Nur-Sultan fixed line cut from about 12:00 on 7 January",
        description: "TASS reported the fixed line in Nur-Sultan cut again at about 12:00 local time on 7 January and restored at about 09:00 on 8 January.",
        translations: {
          ru: {
            label: "Фиксированный интернет в Нур-Султане отключён около 12:00 7 января",
            description: "По данным ТАСС, фиксированную связь в Нур-Султане снова отключили около 12:00 по местному времени 7 января и восстановили около 09:00 8 января.",
          },
        },
        type: "FIXED_BROADBAND_SHUTDOWN",
        extent: "FULL",
        startsAt: "2022-01-07T06:00:00Z",
        startPrecision: "HOUR",
        endsAt: "2022-01-08T03:00:00Z",
        endPrecision: "HOUR",
        regions: ["astana"],
      },
      /* 11 */ {
        label: "Nur-Sultan fixed line cut from about 15:40 on 8 January",
        description: "TASS reported the fixed line in Nur-Sultan cut at about 15:40 local time on 8 January and restored at about 09:30 on 9 January.",
        translations: {
          ru: {
            label: "Фиксированный интернет в Нур-Султане отключён около 15:40 8 января",
            description: "По данным ТАСС, фиксированную связь в Нур-Султане отключили около 15:40 по местному времени 8 января и восстановили около 09:30 9 января.",
          },
        },
        type: "FIXED_BROADBAND_SHUTDOWN",
        extent: "FULL",
        startsAt: "2022-01-08T09:40:00Z",
        startPrecision: "HOUR",
        endsAt: "2022-01-09T03:30:00Z",
        endPrecision: "HOUR",
        regions: ["astana"],
      },
      /* 12 */ {
        label: "Cut again after the restoration of 8 January, 02:30–10:00 UTC",
        description: "IODA shows the country back online from about 02:30 to 10:00 UTC on 8 January, then cut again until about 02:30 UTC on 9 January.",
        translations: {
          ru: {
            label: "Новое отключение после восстановления 8 января, 02:30–10:00 UTC",
            description: "IODA показывает, что страна была в сети примерно с 02:30 до 10:00 UTC 8 января, после чего её снова отключили примерно до 02:30 UTC 9 января.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "FULL",
        startsAt: "2022-01-08T10:00:00Z",
        startPrecision: "HOUR",
        endsAt: "2022-01-09T02:30:00Z",
        endPrecision: "HOUR",
        allOperators: true,
      },
      /* 13 */ {
        label: "Cut again after the restoration of 9 January, 02:30–06:00 UTC",
        description:
          "IODA shows the country back online from about 02:30 to 06:00 UTC on 9 January, then cut again. The end is the reconnection reported early on 10 January (about 111 hours after the first cut), so it is an estimate.",
        translations: {
          ru: {
            label: "Новое отключение после восстановления 9 января, 02:30–06:00 UTC",
            description:
              "IODA показывает, что страна была в сети примерно с 02:30 до 06:00 UTC 9 января, после чего её снова отключили. Окончание — подключение, о котором сообщили рано утром 10 января (примерно через 111 часов после первого отключения), поэтому оно оценочное.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "FULL",
        startsAt: "2022-01-09T06:00:00Z",
        startPrecision: "HOUR",
        endsAt: "2022-01-10T01:45:00Z",
        endPrecision: "ESTIMATED",
        allOperators: true,
      },
      /* 14 */ {
        label: "Nur-Sultan fixed line cut from about 12:00 on 9 January",
        description:
          "TASS reported the fixed line in Nur-Sultan cut again at about 12:00 local time on 9 January and restored on 10 January at a time it does not give; the phase is counted to the end of 9 January.",
        translations: {
          ru: {
            label: "Фиксированный интернет в Нур-Султане отключён около 12:00 9 января",
            description:
              "По данным ТАСС, фиксированную связь в Нур-Султане снова отключили около 12:00 по местному времени 9 января и восстановили 10 января в неуказанное время; фаза учитывается до конца 9 января.",
          },
        },
        type: "FIXED_BROADBAND_SHUTDOWN",
        extent: "FULL",
        startsAt: "2022-01-09T06:00:00Z",
        startPrecision: "HOUR",
        endStatus: "NOT_RECORDED",
        lastReportedOn: "2022-01-09",
        regions: ["astana"],
      },
      /* 15 */ {
        label: "Mobile internet still blocked in Nur-Sultan",
        description:
          "TASS reported that on 10 January the fixed line in Nur-Sultan was back while mobile internet was still blocked. No end is given; the phase is counted for 10 January only.",
        translations: {
          ru: {
            label: "Мобильный интернет в Нур-Султане всё ещё заблокирован",
            description:
              "По данным ТАСС, 10 января фиксированная связь в Нур-Султане вернулась, а мобильный интернет оставался заблокированным. Окончание не указано; фаза учитывается только за 10 января.",
          },
        },
        type: "MOBILE_DATA_SHUTDOWN",
        extent: "FULL",
        startsAt: "2022-01-10T00:00:00+06:00",
        startPrecision: "DAY",
        endStatus: "NOT_RECORDED",
        lastReportedOn: "2022-01-10",
        regions: ["astana"],
      },
      /* 16 */ {
        label: "Cut again after a few hours on 10 January; unstable until 11 January",
        description:
          "Reuters, citing NetBlocks, reported access restored nationwide for a few hours on 10 January and then cut again; Forbes gives full access in Almaty only from 09:00 to 13:00 local time. Access came and went until connectivity was stable from about 02:15 UTC on 11 January. The start is estimated from the end of Forbes' window; no source gives times per operator.",
        translations: {
          ru: {
            label: "Новое отключение через несколько часов 10 января; нестабильно до 11 января",
            description:
              "Reuters со ссылкой на NetBlocks сообщил, что 10 января доступ по всей стране вернули на несколько часов, а затем снова отключили; по данным Forbes, полный доступ в Алматы был только с 09:00 до 13:00 по местному времени. Доступ то появлялся, то пропадал, пока примерно с 02:15 UTC 11 января связь не стала стабильной. Начало оценено по концу окна, названного Forbes; время по операторам не называет ни один источник.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "INTERMITTENT",
        startsAt: "2022-01-10T07:00:00Z",
        startPrecision: "ESTIMATED",
        endsAt: "2022-01-11T02:15:00Z",
        endPrecision: "HOUR",
        allOperators: true,
      },
    ],
    sources: [
      /* 0 */ {
        kind: "CIVIL_SOCIETY_REPORT",
        url: "https://accessnow.org/kazakhstan-internet-shutdowns-protests-almaty-timeline-whats-happening/",
        title: "Kazakhstan internet shutdowns during the protests: a timeline of what is happening",
        publisher: "Access Now",
        phase: 0,
      },
      /* 1 */ {
        kind: "CIVIL_SOCIETY_REPORT",
        url: "https://accessnow.org/press-release/keepiton-kazakhstan-internet-access/",
        title: "#KeepItOn: press release on internet access in Kazakhstan",
        publisher: "Access Now",
        note: "Reports access restored nationwide on 17 January.",
        translations: { ru: { note: "Сообщает о восстановлении доступа по всей стране 17 января." } },
      },
      /* 2 */ {
        kind: "MEASUREMENT",
        url: "https://labs.ripe.net/author/emileaben/the-kazakhstan-outage-as-seen-from-ripe-atlas",
        title: "The Kazakhstan outage as seen from RIPE Atlas",
        publisher: "RIPE Labs",
        note: "Sees the nationwide cut begin at around 11:15 UTC on 5 January; BGP routes stayed visible.",
        translations: { ru: { note: "Фиксирует начало общенационального отключения около 11:15 UTC 5 января; маршруты BGP оставались видимыми." } },
        phase: 3,
      },
      /* 3 */ {
        kind: "NEWS",
        url: "https://rferl.org/a/kazakhstan-unrest-internet-resumes-almaty/31646931.html",
        title: "Internet resumes in Almaty after the Kazakhstan unrest",
        publisher: "RFE/RL",
        note: "Almaty reconnected early on 10 January after about 111 hours.",
        translations: { ru: { note: "Алматы снова подключили к сети рано утром 10 января, примерно через 111 часов." } },
        phase: 4,
      },
      /* 4 */ {
        kind: "CIVIL_SOCIETY_REPORT",
        url: "https://projects.drfl.kz/shutdown2022/en/internet_shutdown",
        title: "Special project on the January 2022 shutdown: the internet shutdown page (English)",
        publisher: "drfl.kz",
        note: "Reports NetBlocks' estimate of the cost as over USD 460 million.",
        translations: { ru: { note: "Приводит оценку NetBlocks: ущерб более 460 млн долларов США." } },
      },
      /* 5 */ {
        kind: "MEASUREMENT",
        url: "https://blog.cloudflare.com/",
        title:
          "Cloudflare blog post on the Kazakhstan internet disruption, January 2022 (link is to the blog's front page; the post's own address is not recorded)",
        publisher: "Cloudflare",
        note: "Mobile traffic falling from about 14:30 UTC on 4 January, Kcell and Tele2 sharply lower but not at zero after 16:00 UTC; on 5 January traffic falling after 10:30 UTC with a spike of BGP withdrawals at about 10:45 UTC.",
        translations: { ru: { note: "Мобильный трафик падает примерно с 14:30 UTC 4 января; после 16:00 UTC у Kcell и Tele2 он резко ниже, но не нулевой; 5 января трафик падает после 10:30 UTC, около 10:45 UTC — всплеск отзывов маршрутов BGP." } },
        phase: 2,
      },
      /* 6 */ {
        kind: "MEASUREMENT",
        url: "https://x.com/OpenObservatory/status/1479064095768911872",
        title: "OONI post on X about the disruptions in Kazakhstan, January 2022",
        publisher: "OONI",
      },
      /* 7 */ {
        kind: "CIVIL_SOCIETY_REPORT",
        url: STOP_URL,
        title: "#KeepItOn STOP data: Kazakhstan, January 2022 entry (campaign page)",
        publisher: "Access Now",
        note: "Records the shutdown as 4–11 January 2022.",
        translations: { ru: { note: "Указывает период отключения 4–11 января 2022 года." } },
      },
      /* 8 */ {
        kind: "NEWS",
        url: "https://mgorod.kz/",
        title: "Report of 4 January 2022 that Aktau had been without mobile and home internet for three days (link is to the outlet's front page)",
        publisher: "mgorod.kz",
        publishedOn: "2022-01-04",
        note: "A single source.",
        translations: { ru: { note: "Единственный источник." } },
        phase: 0,
      },
      /* 9 */ {
        kind: "NEWS",
        url: "https://newtimes.kz/",
        title: "Report quoting Beeline on the January 2022 disruption (link is to the outlet's front page)",
        publisher: "newtimes.kz",
        note: 'Beeline called the cause "beyond our control".',
        translations: { ru: { note: "Beeline назвал причину «не зависящей от нас»." } },
      },
      /* 10 */ {
        kind: "NEWS",
        url: "https://therecord.media/",
        title: "The Record's report on the Kazakhstan shutdown citing Kentik, January 2022 (link is to the publication's front page)",
        publisher: "The Record (citing Kentik)",
        note: "Kentik saw the nationwide cut at 16:45 local time (10:45 UTC) on 5 January.",
        translations: { ru: { note: "Kentik зафиксировал общенациональное отключение 5 января в 16:45 по местному времени (10:45 UTC)." } },
        phase: 3,
      },
      /* 11 */ {
        kind: "MEASUREMENT",
        url: "https://netblocks.org/",
        title: "NetBlocks' reports on the Kazakhstan shutdown, January 2022 (link is to NetBlocks' front page)",
        publisher: "NetBlocks",
        note: "Gives the start of the nationwide cut as about 17:00 local time (11:00 UTC) on 5 January.",
        translations: { ru: { note: "Относит начало общенационального отключения примерно к 17:00 по местному времени (11:00 UTC) 5 января." } },
        phase: 3,
      },
      /* 12 */ {
        kind: "NEWS",
        url: "https://kloop.kg/",
        title: "Kloop's reports citing Global Check and Forbes Kazakhstan on the January 2022 shutdown (link is to the outlet's front page)",
        publisher: "Kloop (citing Global Check and Forbes)",
        note: "Global Check saw Kazakhtelecom go down at 17:32 local time (11:32 UTC) on 5 January; Forbes gives full access in Almaty only from 09:00 to 13:00 local time on 10 January.",
        translations: { ru: { note: "По данным Global Check, сеть Казахтелекома отключилась 5 января в 17:32 по местному времени (11:32 UTC); по данным Forbes, полный доступ в Алматы был 10 января только с 09:00 до 13:00 по местному времени." } },
      },
      /* 13 */ {
        kind: "CIVIL_SOCIETY_REPORT",
        url: "https://github.com/net4people/bbs/issues/99",
        title: "net4people discussion of the Kazakhstan shutdown, with IODA charts",
        publisher: "net4people",
        note: "IODA charts read as brief nationwide restorations (UTC): 5 Jan 17:30–22:00; 6 Jan 10:30–14:00; 7 Jan 02:30–06:00; 8 Jan 02:30–10:00; 9 Jan 02:30–06:00.",
        translations: { ru: { note: "Графики IODA читаются как кратковременные восстановления связи по всей стране (UTC): 5 янв. 17:30–22:00; 6 янв. 10:30–14:00; 7 янв. 02:30–06:00; 8 янв. 02:30–10:00; 9 янв. 02:30–06:00." } },
        phase: 6,
      },
      /* 14 */ {
        kind: "NEWS",
        url: "https://iz.ru/1274797",
        title: "Izvestia, citing TASS, on fixed-line internet in Nur-Sultan, January 2022",
        publisher: "Izvestia (citing TASS)",
        note: "Nur-Sultan fixed line, local time: 5 Jan down about 6 h from 17:00; 6 Jan cut about 19:40; 7 Jan restored, cut about 12:00; 8 Jan restored about 09:00, cut about 15:40; 9 Jan restored about 09:30, cut about 12:00; 10 Jan fixed line restored, mobile still blocked.",
        translations: { ru: { note: "Фиксированная связь в Нур-Султане, местное время: 5 янв. отключена примерно на 6 ч с 17:00; 6 янв. отключена около 19:40; 7 янв. восстановлена, отключена около 12:00; 8 янв. восстановлена около 09:00, отключена около 15:40; 9 янв. восстановлена около 09:30, отключена около 12:00; 10 янв. фиксированная связь восстановлена, мобильная ещё заблокирована." } },
        phase: 5,
      },
      /* 15 */ {
        kind: "NEWS",
        url: "https://www.reuters.com/",
        title: "Reuters report citing NetBlocks on 10 January 2022 (link is to Reuters' front page)",
        publisher: "Reuters (citing NetBlocks)",
        note: "Access restored nationwide for a few hours on 10 January, then cut again.",
        translations: { ru: { note: "10 января доступ по всей стране восстановили на несколько часов, затем снова отключили." } },
        phase: 16,
      },
      /* 16 */ {
        kind: "NEWS",
        url: "https://iz.ru/",
        title: "Izvestia interview with the deputy foreign minister, January 2022 (link is to the paper's front page)",
        publisher: "Izvestia",
        note: "No stable internet in Almaty until 11 January.",
        translations: { ru: { note: "Стабильного интернета в Алматы не было до 11 января." } },
      },
    ],
    acknowledgements: [
      {
        party: "OPERATOR",
        operator: "kcell",
        statement:
          'Kcell told its subscribers that the restrictions had been ordered under Article 41-1 of the Law "On Communications", in the interests of counter-terrorism and public safety.',
        translations: {
          ru: {
            statement:
              "Kcell сообщил абонентам, что ограничения введены на основании статьи 41-1 Закона «О связи» в интересах борьбы с терроризмом и обеспечения общественной безопасности.",
          },
        },
        sourceUrl: "https://t.me/zatelecom/20071",
      },
      {
        party: "OPERATOR",
        operator: "beeline",
        statement: 'Beeline told its customers that the cause of the disruption was "beyond our control".',
        translations: {
          ru: { statement: "Beeline сообщил клиентам, что причина сбоя «не зависит от нас»." },
        },
        sourceUrl: "https://newtimes.kz/",
      },
      {
        party: "GOVERNMENT",
        statement: "On 8 January the minister said internet access would be restored in stages.",
        translations: {
          ru: { statement: "8 января министр заявил, что доступ в интернет будет восстанавливаться поэтапно." },
        },
        madeOn: "2022-01-08",
      },
      {
        party: "GOVERNMENT",
        statement: "The government justified the shutdown on grounds of national security and counter-terrorism.",
        translations: {
          ru: {
            statement: "Правительство обосновало отключение соображениями национальной безопасности и борьбы с терроризмом.",
          },
        },
      },
    ],
    impactEstimates: [
      {
        lowUsd: 410_000_000,
        highUsd: 429_000_000,
        estimatedBy: "Top10VPN",
        note: "About USD 410–429 million, as reported; the tracker has no direct link to Top10VPN's own estimate.",
        translations: {
          ru: {
            note: "Около 410–429 млн долларов США, по имеющимся сообщениям; прямой ссылки на собственную оценку Top10VPN у трекера нет.",
          },
        },
      },
      {
        lowUsd: 460_000_000,
        estimatedBy: "NetBlocks",
        source: 4,
        note: "Over USD 460 million, as reported by drfl.kz; no upper bound is given.",
        translations: {
          ru: { note: "Более 460 млн долларов США, по данным drfl.kz; верхняя граница не указана." },
        },
      },
    ],
    discrepancies: [
      {
        topic: "DATES",
        description:
          "Four measurers and RIPE Atlas time the start of the nationwide cut on 5 January differently: Cloudflare after 10:30 UTC, with a spike of BGP withdrawals at about 10:45 UTC; Kentik at 16:45 local time (10:45 UTC); NetBlocks at about 17:00 local time (11:00 UTC); Global Check at 17:32 local time (11:32 UTC) for Kazakhtelecom; RIPE Atlas at about 11:15 UTC.",
        resolution:
          "The tracker records about 10:45 UTC, where Cloudflare's BGP withdrawals and Kentik agree. The other times fall within the next hour and may be rounded, or measure when a particular network went down (Kazakhtelecom at 17:32). The start is marked as approximate.",
        translations: {
          ru: {
            description:
              "Четыре измерителя и RIPE Atlas по-разному определяют начало общенационального отключения 5 января: Cloudflare — после 10:30 UTC, со всплеском отзыва BGP-маршрутов около 10:45 UTC; Kentik — 16:45 по местному времени (10:45 UTC); NetBlocks — около 17:00 по местному времени (11:00 UTC); Global Check — 17:32 по местному времени (11:32 UTC) для Казахтелекома; RIPE Atlas — около 11:15 UTC.",
            resolution:
              "Трекер указывает около 10:45 UTC — время, в котором сходятся данные Cloudflare об отзыве BGP-маршрутов и Kentik. Остальные значения укладываются в следующий час и могут быть округлены или относиться к отключению отдельной сети (Казахтелеком в 17:32). Начало отмечено как приблизительное.",
          },
        },
        sources: [5, 10, 11, 12, 2],
      },
      {
        topic: "DURATION",
        description:
          "Sources disagree on when Almaty came back: early on 10 January after about 111 hours (RFE/RL); full access only from 09:00 to 13:00 on 10 January (Forbes, via Kloop); restored nationwide for a few hours on 10 January, then cut again (Reuters, citing NetBlocks); no stable internet until 11 January (the deputy foreign minister, to Izvestia). RFE/RL's 111 hours also leave no room for the brief nationwide restorations IODA shows from 5 to 9 January.",
        resolution:
          "The tracker records Almaty offline from about 10:45 UTC on 5 January to about 01:45 UTC on 10 January (RFE/RL's 111 hours): a full blackout for Almaty, and a regional disruption for the operators. From about 07:00 UTC on 10 January (the end of Forbes' window) to 02:15 UTC on 11 January it records access coming and going nationwide, counted as partial disruption. No source gives per-operator end times.",
        translations: {
          ru: {
            description:
              "Источники расходятся в том, когда Алматы снова получил связь: рано утром 10 января, примерно через 111 часов (RFE/RL); полный доступ был только с 09:00 до 13:00 10 января (Forbes в изложении Kloop); 10 января доступ по всей стране вернули на несколько часов, а затем снова отключили (Reuters со ссылкой на NetBlocks); стабильного интернета не было до 11 января (заместитель министра иностранных дел в интервью «Известиям»). Кроме того, 111 часов по RFE/RL не оставляют места для кратковременных общенациональных восстановлений, которые IODA показывает с 5 по 9 января.",
            resolution:
              "Трекер указывает, что Алматы был без связи примерно с 10:45 UTC 5 января до примерно 01:45 UTC 10 января (111 часов по RFE/RL): для Алматы это полное отключение, для операторов — региональный сбой. С примерно 07:00 UTC 10 января (конец окна, названного Forbes) до 02:15 UTC 11 января доступ по всей стране то появлялся, то пропадал; это учитывается как частичный сбой. Время окончания по отдельным операторам не называет ни один источник.",
          },
        },
        sources: [3, 12, 15, 16, 13],
      },
      {
        topic: "DATES",
        description:
          "TASS's times for Nur-Sultan's fixed line differ from IODA's nationwide readings: for example, TASS has the fixed line back from about 23:00 local time on 5 January until about 19:40 on 6 January, while IODA shows the country cut from 22:00 UTC on 5 January to 10:30 UTC on 6 January; on 8 and 9 January the times differ by half an hour to an hour.",
        resolution:
          "The tracker records both: the nationwide cuts read from IODA count in every region, and Nur-Sultan's fixed-line cuts are phases of their own for Astana. Where they overlap, the hours count once.",
        translations: {
          ru: {
            description:
              "Время ТАСС для фиксированной связи в Нур-Султане расходится с общенациональными данными IODA: например, по ТАСС фиксированная связь работала примерно с 23:00 по местному времени 5 января до примерно 19:40 6 января, тогда как IODA показывает отключение страны с 22:00 UTC 5 января до 10:30 UTC 6 января; 8 и 9 января время расходится на полчаса–час.",
            resolution:
              "Трекер записывает и то и другое: общенациональные отключения по данным IODA учитываются во всех регионах, а отключения фиксированной связи в Нур-Султане — отдельными фазами для Астаны. Там, где они пересекаются, часы учитываются один раз.",
          },
        },
        sources: [14, 13],
      },
      {
        topic: "DATES",
        description:
          "The STOP data records the shutdown as 4–11 January 2022. Access Now reported access restored nationwide only on 17 January, and access problems were reported in Zhanaozen from 2 January.",
        resolution:
          "The tracker dates the incident 2–17 January: it starts with the Zhanaozen reports and ends with Access Now's report of nationwide restoration. Its phases end with stable connectivity on 11 January, which matches the STOP end date; for 11–17 January no source says which networks or places were still affected, so no phase is recorded and no hours are counted.",
        translations: {
          ru: {
            description:
              "В данных STOP отключение датировано 4–11 января 2022 года. Access Now сообщил о восстановлении доступа по всей стране только 17 января, а о проблемах с доступом в Жанаозене сообщалось с 2 января.",
            resolution:
              "Трекер датирует инцидент 2–17 января: он начинается с сообщений из Жанаозена и заканчивается сообщением Access Now о восстановлении доступа по всей стране. Его фазы заканчиваются со стабилизацией связи 11 января, что совпадает с датой окончания в STOP; о 11–17 января ни один источник не сообщает, какие сети или населённые пункты оставались затронутыми, поэтому фаза не записана и часы не учитываются.",
          },
        },
        sources: [7, 0, 1],
      },
      {
        topic: "ECONOMIC_IMPACT",
        description:
          "Estimates of the cost disagree: about USD 410–429 million from Top10VPN (as reported) and over USD 460 million from NetBlocks (as reported by drfl.kz).",
        resolution:
          "The tracker shows both estimates as reported and does not choose between them; neither has been checked against its original method.",
        translations: {
          ru: {
            description:
              "Оценки ущерба расходятся: около 410–429 млн долларов США по данным Top10VPN (в изложении других источников) и более 460 млн долларов по данным NetBlocks (в изложении drfl.kz).",
            resolution:
              "Трекер приводит обе оценки в том виде, в каком о них сообщалось, и не выбирает между ними; ни одна из них не проверялась по исходной методике.",
          },
        },
        sources: [4],
      },
    ],
  },

  // ---------------------------------------------------------------------------
  // 8. September 2022 – April 2023: news websites throttled (added December 2026)
  // ---------------------------------------------------------------------------
  {
    slug: "2022-09-news-website-throttling",
    title: "News websites azattyq.org and currenttime.tv throttled (September 2022 – April 2023)",
    summary:
      "OONI measured azattyq.org, Radio Azattyq's site, throttled on most networks from 27 September 2022 until at least 11 April 2023, and currenttime.tv throttled from about 20 to 29 November 2022, mainly on Kazakhtelecom. Website throttling, not a network shutdown.",
    body: [
      "OONI's report on throttling around Kazakhstan's 2022–2023 elections found azattyq.org, the website of RFE/RL's Kazakh service, slowed down on most networks from 27 September 2022. The throttling was still measured on 11 April 2023, the last day the report covers; no end is known, so the tracker counts it to that day.",
      "The same report found currenttime.tv throttled from about 20 to 29 November 2022, around the snap presidential election, mainly on Kazakhtelecom's network (AS9198).",
      "Throttling a website slows that site only; the network itself keeps working. The tracker therefore counts it with service and website blocking, never with network disruptions.",
    ].join("\n\n"),
    translations: {
      ru: {
        servicesOther: "azattyq.org и currenttime.tv (замедление)",
        title: "Замедление новостных сайтов azattyq.org и currenttime.tv (сентябрь 2022 – апрель 2023 года)",
        summary:
          "OONI зафиксировал замедление azattyq.org, сайта Радио Азаттык, в большинстве сетей с 27 сентября 2022 года как минимум до 11 апреля 2023 года, а также замедление currenttime.tv примерно с 20 по 29 ноября 2022 года, в основном у Казахтелекома. Это замедление сайтов, а не отключение сети.",
        body: [
          "В отчёте OONI о замедлениях вокруг выборов 2022–2023 годов в Казахстане говорится, что azattyq.org — сайт казахской службы RFE/RL — с 27 сентября 2022 года замедлялся в большинстве сетей. Замедление фиксировалось и 11 апреля 2023 года, в последний день, который охватывает отчёт; окончание неизвестно, поэтому трекер учитывает его до этого дня.",
          "В том же отчёте говорится, что currenttime.tv замедлялся примерно с 20 по 29 ноября 2022 года, вокруг досрочных президентских выборов, в основном в сети Казахтелекома (AS9198).",
          "Замедление сайта замедляет только этот сайт, а сама сеть продолжает работать. Поэтому трекер учитывает его вместе с блокировками сервисов и сайтов, а не со сбоями сети.",
        ].join("\n\n"),
        causeDetails: "Выборы 2022–2023 годов; доступ к независимым новостным сайтам.",
      },
    },
    status: "PUBLISHED",
    verification: "CONFIRMED_BY_MEASUREMENT",
    startsAt: "2022-09-27T00:00:00+06:00",
    startPrecision: "DAY",
    endStatus: "NOT_RECORDED",
    lastReportedOn: "2023-04-11",
    scope: "NATIONAL",
    type: "WEBSITE_BLOCKING",
    services: ["OTHER"],
    servicesOther: "azattyq.org and currenttime.tv (throttled)",
    cause: "ELECTION",
    causeDetails: "The elections of 2022–2023; access to independent news websites.",
    operators: ["kazakhtelecom"],
    regions: [],
    phases: [
      {
        label: "azattyq.org throttled on most networks",
        description:
          "Measured by OONI from 27 September 2022 and still on 11 April 2023; no end is known, so the phase is counted to 11 April 2023. \"Most networks\" names no operator, so it counts for none.",
        translations: {
          ru: {
            label: "Замедление azattyq.org в большинстве сетей",
            description:
              "По измерениям OONI — с 27 сентября 2022 года и всё ещё 11 апреля 2023 года; окончание неизвестно, поэтому фаза учитывается до 11 апреля 2023 года. «Большинство сетей» не называет операторов, поэтому фаза не засчитывается ни одному из них.",
          },
        },
        type: "WEBSITE_BLOCKING",
        extent: "PARTIAL",
        startsAt: "2022-09-27T00:00:00+06:00",
        startPrecision: "DAY",
        endStatus: "NOT_RECORDED",
        lastReportedOn: "2023-04-11",
        services: ["OTHER"],
      },
      {
        label: "currenttime.tv throttled, mainly on Kazakhtelecom",
        description: "Measured by OONI from about 20 to 29 November 2022, mainly on AS9198 (Kazakhtelecom).",
        translations: {
          ru: {
            label: "Замедление currenttime.tv, в основном у Казахтелекома",
            description: "По измерениям OONI — примерно с 20 по 29 ноября 2022 года, в основном в AS9198 (Казахтелеком).",
          },
        },
        type: "WEBSITE_BLOCKING",
        extent: "PARTIAL",
        startsAt: "2022-11-20T00:00:00+06:00",
        startPrecision: "ESTIMATED",
        endsAt: "2022-11-29T00:00:00+06:00",
        endPrecision: "DAY",
        services: ["OTHER"],
        operators: ["kazakhtelecom"],
      },
    ],
    sources: [
      {
        kind: "MEASUREMENT",
        url: "https://ooni.org/post/2023-throttling-kz-elections/",
        title: "OONI's report on throttling in Kazakhstan around the 2022–2023 elections",
        publisher: "OONI",
        note: "azattyq.org throttled from 27 September 2022 until at least 11 April 2023 on most networks; currenttime.tv throttled about 20–29 November 2022, mainly on AS9198.",
        translations: { ru: { note: "azattyq.org замедлялся с 27 сентября 2022 года как минимум до 11 апреля 2023 года в большинстве сетей; currenttime.tv — примерно 20–29 ноября 2022 года, в основном в AS9198." } },
        phase: 0,
      },
    ],
  },

  // ---------------------------------------------------------------------------
  // 9. October–November 2022: snap presidential election
  // ---------------------------------------------------------------------------
  {
    slug: "2022-11-snap-election-blocking",
    title: "On-and-off blocking of social media and messengers around the snap presidential election (Oct–Nov 2022)",
    summary:
      "In the weeks before and after the snap presidential election of 20 November 2022, Instagram, Telegram, Twitter, Signal and YouTube were blocked on and off, on the networks of Beeline and Kazakhtelecom among others.",
    body: [
      "Kazakhstan held a snap presidential election on 20 November 2022. From mid-October to late November, Instagram, Telegram, Twitter, Signal and YouTube were blocked on and off in the weeks before and after the vote. Beeline and Kazakhtelecom are the operators named.",
      "The internet cut in Astana on 26 November, inauguration day, is recorded as an incident of its own.",
      "The figures count the whole window, mid-October to late November, as hours of on-and-off blocking for the two operators named: the sources do not say on which days or hours the blocking was active.",
      "The blocking is listed in Access Now's [Election Watch 2022](https://accessnow.org/elections-internet-shutdowns-watch-2022/) and was reported by [Vlast.kz](https://t.me/vlastkz/12453); OONI's Signal test results for Kazakhstan in October 2022 are linked below. The start and end dates are approximate.",
    ].join("\n\n"),
    translations: {
      ru: {
        title: "Периодическая блокировка соцсетей и мессенджеров вокруг досрочных президентских выборов (октябрь–ноябрь 2022 года)",
        summary:
          "За несколько недель до и после досрочных президентских выборов 20 ноября 2022 года Instagram, Telegram, Twitter, Signal и YouTube периодически блокировались, в том числе в сетях Beeline и Казахтелекома.",
        body: [
          "20 ноября 2022 года в Казахстане прошли досрочные президентские выборы. С середины октября до конца ноября, в течение нескольких недель до и после голосования, Instagram, Telegram, Twitter, Signal и YouTube периодически блокировались. Среди операторов названы Beeline и Казахтелеком.",
          "Отключение интернета в Астане 26 ноября, в день инаугурации, записано отдельным инцидентом.",
          "В цифрах всё окно — с середины октября до конца ноября — учитывается как часы периодической блокировки для двух названных операторов: источники не сообщают, в какие дни и часы блокировка действовала.",
          "Блокировки отражены в обзоре Access Now [Election Watch 2022](https://accessnow.org/elections-internet-shutdowns-watch-2022/), о них сообщал [Vlast.kz](https://t.me/vlastkz/12453); ниже приведена ссылка на результаты теста Signal от OONI по Казахстану за октябрь 2022 года. Даты начала и окончания приблизительные.",
        ].join("\n\n"),
        causeDetails: "Досрочные президентские выборы 20 ноября 2022 года.",
      },
    },
    status: "PUBLISHED",
    verification: "CORROBORATED",
    startsAt: "2022-10-15T00:00:00+06:00",
    startPrecision: "ESTIMATED",
    endsAt: "2022-11-27T00:00:00+06:00",
    endPrecision: "ESTIMATED",
    scope: "NATIONAL",
    type: "SERVICE_BLOCKING",
    services: ["INSTAGRAM", "TELEGRAM", "TWITTER", "SIGNAL", "YOUTUBE"],
    cause: "ELECTION",
    causeDetails: "Snap presidential election of 20 November 2022.",
    operators: ["beeline", "kazakhtelecom"],
    regions: [],
    phases: [
      {
        label: "Instagram, Telegram, Twitter, Signal and YouTube blocked on and off",
        description:
          'Intermittent blocking in the weeks before and after the vote, from mid-October to late November. Both dates are estimates from "mid-October" and "late November".',
        translations: {
          ru: {
            label: "Периодическая блокировка Instagram, Telegram, Twitter, Signal и YouTube",
            description:
              "Периодические блокировки в течение нескольких недель до и после голосования — с середины октября до конца ноября. Обе даты оценочные: источники говорят о «середине октября» и «конце ноября».",
          },
        },
        type: "SERVICE_BLOCKING",
        extent: "INTERMITTENT",
        startsAt: "2022-10-15T00:00:00+06:00",
        startPrecision: "ESTIMATED",
        endsAt: "2022-11-27T00:00:00+06:00",
        endPrecision: "ESTIMATED",
        services: ["INSTAGRAM", "TELEGRAM", "TWITTER", "SIGNAL", "YOUTUBE"],
        allOperators: true,
      },
    ],
    sources: [
      {
        kind: "CIVIL_SOCIETY_REPORT",
        url: "https://accessnow.org/elections-internet-shutdowns-watch-2022/",
        title: "Elections and internet shutdowns watch, 2022",
        publisher: "Access Now",
      },
      {
        kind: "NEWS",
        url: "https://t.me/vlastkz/12453",
        title: "Vlast.kz Telegram channel post, November 2022",
        publisher: "Vlast.kz",
      },
      {
        kind: "MEASUREMENT",
        url: "https://explorer.ooni.org/chart/mat?probe_cc=KZ&test_name=signal&since=2022-10-01&until=2022-11-01&axis_x=measurement_start_day",
        title: "OONI Explorer measurement chart: Signal test results in Kazakhstan, October 2022",
        publisher: "OONI",
        note: "Daily results of OONI's Signal reachability test from Kazakhstan, 1–31 October 2022.",
        translations: { ru: { note: "Ежедневные результаты теста доступности Signal от OONI из Казахстана, 1–31 октября 2022 года." } },
        phase: 0,
      },
    ],
  },

  // ---------------------------------------------------------------------------
  // 10. 26 November 2022: Astana, inauguration day (added December 2026)
  // ---------------------------------------------------------------------------
  {
    slug: "2022-11-astana-inauguration-day-cut",
    title: "Internet cut across most of Astana on inauguration day (26 November 2022)",
    summary:
      "On 26 November 2022, the day of the presidential inauguration, mobile and fixed internet went down across most of Astana from about 19:00 local time while police detained protesters. Reports of how long it lasted range from about an hour to several hours; officials blamed a power fault.",
    body: [
      "On 26 November 2022, inauguration day, mobile and fixed internet stopped working across most of Astana from about 19:00 local time (13:00 UTC), while police detained protesters in the city.",
      "Accounts of how long it lasted differ: about an hour according to TASS (as reported by [BFM](https://www.bfm.ru/)), several hours according to [Radio Svoboda](https://www.svoboda.org/a/32150174.html), and patchy after 20:00 according to [The Insider](https://theins.ru/). The tracker records the cut from 19:00 to about 20:00 and the patchy access after it without an end; only the first hour is counted. No source names the operators affected.",
      "The State Technical Service attributed the outage to a power fault at internet gateways ([Spektr](https://spektr.press/)); that explanation has not been tested independently.",
    ].join("\n\n"),
    translations: {
      ru: {
        govJustificationDetails: "Государственная техническая служба объяснила сбой неполадкой электропитания на шлюзах доступа в интернет.",
        title: "Интернет отключился почти во всей Астане в день инаугурации (26 ноября 2022 года)",
        summary:
          "26 ноября 2022 года, в день инаугурации президента, мобильный и фиксированный интернет перестал работать почти во всей Астане примерно с 19:00 по местному времени, когда полиция задерживала протестующих. Сообщения о длительности — от примерно часа до нескольких часов; официальные лица сослались на сбой электропитания.",
        body: [
          "26 ноября 2022 года, в день инаугурации, мобильный и фиксированный интернет перестал работать почти во всей Астане примерно с 19:00 по местному времени (13:00 UTC), пока полиция задерживала в городе протестующих.",
          "Сведения о длительности расходятся: около часа по данным ТАСС (в изложении [BFM](https://www.bfm.ru/)), несколько часов по данным [Радио Свобода](https://www.svoboda.org/a/32150174.html), после 20:00 связь работала с перебоями по данным [The Insider](https://theins.ru/). Трекер записывает отключение с 19:00 до примерно 20:00 и последующие перебои без даты окончания; учитывается только первый час. Ни один источник не называет затронутых операторов.",
          "Государственная техническая служба объяснила сбой неполадкой электропитания на шлюзах доступа в интернет ([«Спектр»](https://spektr.press/)); независимо это объяснение не проверялось.",
        ].join("\n\n"),
        causeDetails: "Задержания протестующих в Астане в день инаугурации президента.",
      },
    },
    status: "PUBLISHED",
    verification: "CORROBORATED",
    startsAt: "2022-11-26T13:00:00Z",
    startPrecision: "HOUR",
    endStatus: "NOT_RECORDED",
    lastReportedOn: "2022-11-26",
    scope: "REGIONAL",
    type: "FULL_BLACKOUT",
    services: [],
    cause: "PROTEST",
    causeDetails: "Detentions of protesters in Astana on the day of the presidential inauguration.",
    govJustification: "TECHNICAL_PROBLEMS",
    govJustificationDetails: "The State Technical Service blamed a power fault at internet gateways.",
    operators: [],
    regions: ["astana"],
    phases: [
      {
        label: "Mobile and fixed internet down across most of Astana",
        description:
          "From about 19:00 local time; about an hour according to TASS, so the end is an estimate. Most of the city, not all of it, so it is counted as a partial disruption of Astana.",
        translations: {
          ru: {
            label: "Мобильный и фиксированный интернет не работает почти во всей Астане",
            description:
              "Примерно с 19:00 по местному времени; по данным ТАСС — около часа, поэтому окончание оценочное. Почти во всём городе, но не во всём, поэтому учитывается как частичный сбой в Астане.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "PARTIAL",
        startsAt: "2022-11-26T13:00:00Z",
        startPrecision: "HOUR",
        endsAt: "2022-11-26T14:00:00Z",
        endPrecision: "ESTIMATED",
        regions: ["astana"],
      },
      {
        label: "Patchy access after 20:00",
        description:
          "The Insider describes access as patchy after 20:00 and Radio Svoboda speaks of several hours; neither gives an end, so this phase is not counted.",
        translations: {
          ru: {
            label: "Перебои со связью после 20:00",
            description:
              "The Insider пишет о перебоях со связью после 20:00, Радио Свобода — о нескольких часах; ни один из источников не называет окончания, поэтому эта фаза не учитывается.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "INTERMITTENT",
        startsAt: "2022-11-26T14:00:00Z",
        startPrecision: "ESTIMATED",
        endStatus: "NOT_RECORDED",
        regions: ["astana"],
      },
    ],
    sources: [
      {
        kind: "NEWS",
        url: "https://www.bfm.ru/",
        title: "BFM report citing TASS on the Astana outage of 26 November 2022 (link is to the outlet's front page)",
        publisher: "BFM (citing TASS)",
        note: "About one hour.",
        translations: { ru: { note: "Около часа." } },
        phase: 0,
      },
      {
        kind: "NEWS",
        url: "https://www.svoboda.org/a/32150174.html",
        title: "Radio Svoboda on the events in Astana on 26 November 2022",
        publisher: "Radio Svoboda (RFE/RL)",
        note: "Several hours.",
        translations: { ru: { note: "Несколько часов." } },
        phase: 1,
      },
      {
        kind: "NEWS",
        url: "https://theins.ru/",
        title: "The Insider's report on Astana, 26 November 2022 (link is to the outlet's front page)",
        publisher: "The Insider",
        note: "Patchy after 20:00.",
        translations: { ru: { note: "После 20:00 связь работала с перебоями." } },
        phase: 1,
      },
      {
        kind: "NEWS",
        url: "https://spektr.press/",
        title: "Spektr's report quoting the State Technical Service (link is to the outlet's front page)",
        publisher: "Spektr",
        note: "The State Technical Service blamed a power fault at internet gateways.",
        translations: { ru: { note: "Государственная техническая служба объяснила сбой неполадкой электропитания на шлюзах доступа в интернет." } },
      },
      {
        kind: "CIVIL_SOCIETY_REPORT",
        url: "https://accessnow.org/elections-internet-shutdowns-watch-2022/",
        title: "Elections and internet shutdowns watch, 2022",
        publisher: "Access Now",
        note: "Reports a shutdown in Astana on 26 November.",
        translations: { ru: { note: "Сообщает об отключении в Астане 26 ноября." } },
      },
    ],
    acknowledgements: [
      {
        party: "GOVERNMENT",
        statement: "The State Technical Service attributed the outage to a power fault at internet gateways.",
        translations: {
          ru: { statement: "Государственная техническая служба объяснила сбой неполадкой электропитания на шлюзах доступа в интернет." },
        },
        sourceUrl: "https://spektr.press/",
      },
    ],
    discrepancies: [
      {
        topic: "DURATION",
        description:
          "Reports of the outage's length differ: about one hour (TASS, via BFM), several hours (Radio Svoboda), patchy after 20:00 (The Insider).",
        resolution:
          "The tracker records a cut from about 19:00 to 20:00 local time, counted as one hour, and the patchy access after it as a phase with no recorded end, which is not counted.",
        translations: {
          ru: {
            description:
              "Сведения о длительности сбоя расходятся: около часа (ТАСС в изложении BFM), несколько часов (Радио Свобода), перебои после 20:00 (The Insider).",
            resolution:
              "Трекер записывает отключение примерно с 19:00 до 20:00 по местному времени, учтённое как один час, а последующие перебои — как фазу без зафиксированного окончания, которая не учитывается.",
          },
        },
        sources: [0, 1, 2],
      },
    ],
  },

  // ---------------------------------------------------------------------------
  // 11. 11 April 2023: Zhanaozen (added December 2026)
  // ---------------------------------------------------------------------------
  {
    slug: "2023-04-zhanaozen-outage",
    title: "Internet and mobile service reported gone in Zhanaozen during a protest (11 April 2023)",
    summary:
      "On 11 April 2023, as 1,000–2,000 people gathered outside the akimat in Zhanaozen over detained oil workers, residents reported that internet and mobile service had gone. A single report; no end is given.",
    body: [
      "On 11 April 2023 between 1,000 and 2,000 people gathered outside the akimat (local administration) in Zhanaozen, Mangystau Region, over the detention of oil workers. Residents said internet access and mobile service were gone.",
      "The account comes from one source, bizmedia.kz as reported by Radio Azattyq, and gives neither times nor an end. The tracker records it as reported, with no recorded end, so it is not counted in any figure. Zhanaozen is on UTC+5, as Mangystau always was.",
    ].join("\n\n"),
    translations: {
      ru: {
        title: "Сообщения о пропаже интернета и мобильной связи в Жанаозене во время протеста (11 апреля 2023 года)",
        summary:
          "11 апреля 2023 года, когда 1000–2000 человек собрались у акимата в Жанаозене из-за задержания нефтяников, жители сообщили, что пропали интернет и мобильная связь. Единственное сообщение; окончание не указано.",
        body: [
          "11 апреля 2023 года от 1000 до 2000 человек собрались у акимата (местной администрации) Жанаозена в Мангистауской области из-за задержания нефтяников. Жители сообщили, что пропали доступ в интернет и мобильная связь.",
          "Это сообщение одного источника — bizmedia.kz в изложении Радио Азаттык; в нём не указаны ни время, ни окончание. Трекер записывает событие как сообщение без зафиксированного окончания, поэтому оно не учитывается ни в одной цифре. Жанаозен живёт по UTC+5, как и вся Мангистауская область.",
        ].join("\n\n"),
        causeDetails: "Собрание у акимата Жанаозена из-за задержания нефтяников.",
      },
    },
    status: "PUBLISHED",
    verification: "REPORTED",
    startsAt: "2023-04-11T00:00:00+06:00",
    startPrecision: "DAY",
    endStatus: "NOT_RECORDED",
    scope: "LOCAL",
    type: "FULL_BLACKOUT",
    services: [],
    cause: "PROTEST",
    causeDetails: "A gathering outside the Zhanaozen akimat over detained oil workers.",
    operators: [],
    regions: ["mangystau"],
    phases: [
      {
        label: "Internet and mobile service gone in Zhanaozen",
        description: "Reported by residents on 11 April; the town, not the whole region. No times or end are given, so the phase is not counted.",
        translations: {
          ru: {
            label: "В Жанаозене пропали интернет и мобильная связь",
            description: "По сообщениям жителей 11 апреля; речь о городе, а не обо всей области. Время и окончание не указаны, поэтому фаза не учитывается.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "PARTIAL",
        startsAt: "2023-04-11T00:00:00+06:00",
        startPrecision: "DAY",
        endStatus: "NOT_RECORDED",
        regions: ["mangystau"],
      },
    ],
    sources: [
      {
        kind: "NEWS",
        url: "https://bizmedia.kz/",
        title: "bizmedia.kz report, as carried by Radio Azattyq, on the Zhanaozen gathering of 11 April 2023 (link is to the outlet's front page)",
        publisher: "bizmedia.kz (via Radio Azattyq)",
        note: "A single source; no times or end.",
        translations: { ru: { note: "Единственный источник; ни времени, ни окончания не указано." } },
        phase: 0,
      },
    ],
  },

  // ---------------------------------------------------------------------------
  // 12. June 2023 – June 2024: website blocking by TLS interference
  //
  // Reviewed in December 2026: OONI's report measures June 2023 to June 2024 on
  // named networks, so the start is June 2023 (not an estimated 1 January) and
  // the blocking is counted to the start of June 2024, the last month measured.
  // ---------------------------------------------------------------------------
  {
    slug: "2023-website-blocking-tls-interference",
    title: "News, human-rights and circumvention websites blocked by TLS interference (June 2023 – June 2024)",
    summary:
      "OONI measurements from June 2023 to June 2024 found 17 news sites, 4 human-rights sites and 73 circumvention sites blocked by TLS interference on the networks of Kazakhtelecom, Beeline and Transtelecom. This is website blocking, not a network shutdown.",
    body: [
      "Between June 2023 and June 2024, OONI's measurements from Kazakhstan found 17 news websites, 4 human-rights websites and 73 circumvention websites blocked by interference with TLS, the protocol that secures web connections. The blocking was measured on Kazakhtelecom (AS9198), Beeline (AS21299 and AS206026) and Transtelecom (AS41798). Tor, Psiphon, WhatsApp, Telegram and Facebook Messenger stayed reachable.",
      "OONI also saw TLS interception with a government-issued root certificate on 19 networks, and early in 2024 a new interception certificate, valid from 4 January to 3 April 2024, replaced the real certificates of some sites (Mozilla bug 1879046, discussed on [net4people](https://github.com/net4people/bbs/issues/339)). Interception is not counted as blocking.",
      "These findings are set out in [OONI's 2024 Kazakhstan report](https://ooni.org/post/2024-kazakhstan-report/). They are recorded here as website blocking, not as an internet shutdown. The report covers measurements up to June 2024 without saying the blocking stopped, so the end is not recorded and the figures count it to 1 June 2024, the start of the last month measured.",
    ].join("\n\n"),
    translations: {
      ru: {
        servicesOther: "17 новостных сайтов, 4 правозащитных сайта и 73 сайта средств обхода блокировок",
        title: "Блокировка новостных, правозащитных сайтов и средств обхода с помощью вмешательства в TLS (июнь 2023 – июнь 2024 года)",
        summary:
          "Измерения OONI с июня 2023 по июнь 2024 года показали, что 17 новостных, 4 правозащитных сайта и 73 сайта средств обхода блокировок блокировались путём вмешательства в TLS в сетях Казахтелекома, Beeline и Транстелекома. Это блокировка сайтов, а не отключение сети.",
        body: [
          "С июня 2023 по июнь 2024 года измерения OONI в Казахстане показали, что 17 новостных сайтов, 4 правозащитных и 73 сайта средств обхода блокировок блокировались путём вмешательства в TLS — протокол, защищающий веб-соединения. Блокировка фиксировалась в сетях Казахтелекома (AS9198), Beeline (AS21299 и AS206026) и Транстелекома (AS41798). Tor, Psiphon, WhatsApp, Telegram и Facebook Messenger оставались доступными.",
          "OONI также зафиксировал перехват TLS с использованием государственного корневого сертификата в 19 сетях, а в начале 2024 года новый сертификат для перехвата, действовавший с 4 января по 3 апреля 2024 года, подменял настоящие сертификаты некоторых сайтов (ошибка Mozilla 1879046, обсуждение на [net4people](https://github.com/net4people/bbs/issues/339)). Перехват не учитывается как блокировка.",
          "Эти выводы изложены в [докладе OONI по Казахстану за 2024 год](https://ooni.org/post/2024-kazakhstan-report/). Здесь они учтены как блокировка сайтов, а не как отключение интернета. Доклад охватывает измерения до июня 2024 года и не говорит о прекращении блокировки, поэтому окончание не зафиксировано, а в цифрах блокировка учитывается до 1 июня 2024 года — начала последнего измеренного месяца.",
        ].join("\n\n"),
        causeDetails: "В источнике не указан конкретный повод; речь идёт о продолжающейся блокировке новостных, правозащитных сайтов и средств обхода.",
      },
    },
    status: "PUBLISHED",
    verification: "CONFIRMED_BY_MEASUREMENT",
    startsAt: "2023-06-01T00:00:00+06:00",
    startPrecision: "ESTIMATED",
    endStatus: "NOT_RECORDED",
    lastReportedOn: "2024-06-01",
    scope: "NATIONAL",
    type: "WEBSITE_BLOCKING",
    services: ["VPN", "OTHER"],
    servicesOther: "17 news websites, 4 human-rights websites and 73 circumvention websites",
    cause: "OTHER",
    causeDetails: "The source names no specific trigger; this is continuing blocking of news, human-rights and circumvention websites.",
    operators: ["beeline", "kazakhtelecom"],
    regions: [],
    phases: [
      {
        label: "Websites blocked by TLS interference",
        description:
          "17 news, 4 human-rights and 73 circumvention websites blocked by TLS interference on AS9198 (Kazakhtelecom), AS21299 and AS206026 (Beeline) and AS41798 (Transtelecom), as measured by OONI from June 2023 to June 2024. The start is approximate and no end is recorded; it is counted to 1 June 2024.",
        translations: {
          ru: {
            label: "Блокировка сайтов путём вмешательства в TLS",
            description:
              "17 новостных, 4 правозащитных сайта и 73 сайта средств обхода блокировались путём вмешательства в TLS в AS9198 (Казахтелеком), AS21299 и AS206026 (Beeline) и AS41798 (Транстелеком) по измерениям OONI с июня 2023 по июнь 2024 года. Дата начала приблизительная, окончание не зафиксировано; учитывается до 1 июня 2024 года.",
          },
        },
        type: "WEBSITE_BLOCKING",
        extent: "PARTIAL",
        startsAt: "2023-06-01T00:00:00+06:00",
        startPrecision: "ESTIMATED",
        endStatus: "NOT_RECORDED",
        lastReportedOn: "2024-06-01",
        services: ["VPN", "OTHER"],
        operators: ["beeline", "kazakhtelecom"],
      },
    ],
    sources: [
      {
        kind: "MEASUREMENT",
        url: "https://ooni.org/post/2024-kazakhstan-report/",
        title: "OONI's 2024 Kazakhstan report",
        publisher: "OONI",
        note: "June 2023 – June 2024: 17 news, 4 human-rights and 73 circumvention websites blocked by TLS interference on AS9198, AS21299/AS206026 and AS41798; TLS interception with a government root certificate on 19 networks.",
        translations: {
          ru: {
            note: "Июнь 2023 – июнь 2024 года: 17 новостных, 4 правозащитных и 73 сайта средств обхода блокировок заблокированы вмешательством в TLS в AS9198, AS21299/AS206026 и AS41798; перехват TLS с правительственным корневым сертификатом в 19 сетях.",
          },
        },
        phase: 0,
      },
      {
        kind: "CIVIL_SOCIETY_REPORT",
        url: "https://github.com/net4people/bbs/issues/339",
        title: "net4people discussion of the 2024 TLS interception certificate (Mozilla bug 1879046)",
        publisher: "net4people",
        note: "An interception certificate valid from 4 January to 3 April 2024 replaced real certificates for some sites.",
        translations: { ru: { note: "Сертификат для перехвата, действительный с 4 января по 3 апреля 2024 года, подменял настоящие сертификаты некоторых сайтов." } },
      },
    ],
  },
];
