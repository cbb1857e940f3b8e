import type { IncidentInput } from "@/lib/schemas/incident";

/**
 * The documented incidents of 2018–2022 (and the 2023–2024 website blocking),
 * written from the project's facts file (shared/data/kazakhstan.md). English is
 * the record itself; `translations.ru` holds the Russian text.
 *
 * Time conventions:
 * - An instant known to the day is midnight in Almaty/Astana, which was UTC+6
 *   until 1 March 2024, with precision DAY.
 * - Times a source gives in UTC are written with "Z".
 * - `endsAt` is left out when no source gives an end.
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
      'Access Now\'s #KeepItOn STOP data classes the event as "information control" and gives its end as "Ongoing". No source gives an end date, so the tracker leaves the end open.',
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
          "В данных STOP кампании #KeepItOn (Access Now) событие отнесено к категории «контроль над информацией», а в графе окончания указано «продолжается». Ни один источник не называет даты окончания, поэтому трекер оставляет её открытой.",
        ].join("\n\n"),
        causeDetails:
          "Контроль над информацией: замедление приурочено к прямым трансляциям оппозиции (классификация данных STOP).",
      },
    },
    status: "PUBLISHED",
    verification: "CORROBORATED",
    startsAt: "2018-03-15T00:00:00+06:00",
    startPrecision: "DAY",
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
        description: "The live-streaming service Periscope was blocked from 01:00 UTC on 9 June. No end time is given.",
        translations: {
          ru: {
            label: "Блокировка Periscope",
            description:
              "Сервис прямых трансляций Periscope был заблокирован с 01:00 UTC 9 июня. Время окончания не указано.",
          },
        },
        type: "SERVICE_BLOCKING",
        extent: "FULL",
        startsAt: "2019-06-09T01:00:00Z",
        startPrecision: "HOUR",
        services: ["OTHER"],
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
  // ---------------------------------------------------------------------------
  {
    slug: "2022-01-qantar-shutdowns",
    title: 'Nationwide internet shutdowns during the January 2022 unrest ("Qantar")',
    summary:
      "As fuel-price protests spread from Zhanaozen and turned into nationwide unrest in January 2022, messaging apps were restricted, mobile internet was disrupted and, from 5 January, fixed and mobile networks were cut nationwide. Connectivity was stable again from 11 January, and Access Now reported access restored nationwide on 17 January.",
    body: [
      "Protests over fuel prices began in Zhanaozen, Mangystau Region, on 2 January 2022, and problems with internet access were reported there as they started. On 4 January WhatsApp, Telegram and Signal were restricted across the country, and mobile internet was disrupted from that evening.",
      "On 5 January a nationwide blackout of fixed and mobile networks began. [RIPE Atlas](https://labs.ripe.net/author/emileaben/the-kazakhstan-outage-as-seen-from-ripe-atlas) saw it start at around 11:15 UTC (17:15 in Almaty); BGP routes stayed visible, so the networks were still announced to the rest of the internet while connectivity was lost. Other sources give about 17:00 local time. A state of emergency was declared in Almaty and Mangystau, then across the whole country.",
      "From 6 to 9 January access came back briefly and was cut again several times. On 8 January the minister said access would return in stages. [Almaty was reconnected](https://rferl.org/a/kazakhstan-unrest-internet-resumes-almaty/31646931.html) on 10 January after about 111 hours, and connectivity was stable from about 02:15 UTC on 11 January. On 17 January Access Now reported that access had been restored nationwide.",
      'Kcell told its subscribers that the restrictions had been ordered under Article 41-1 of the Law "On Communications", in the interests of counter-terrorism and public safety. Under that law the General Prosecutor may order a shutdown without a court decision. The government justified the shutdown on grounds of national security and counter-terrorism. All four major operators — Kazakhtelecom, Kcell, Beeline and Tele2/Altel — were involved.',
      "Sources differ on when the blackout began, on when the incident ended (the STOP data records 4–11 January) and on what it cost: about USD 410–429 million according to Top10VPN, and over USD 460 million according to NetBlocks as reported by [drfl.kz](https://projects.drfl.kz/shutdown2022/en/internet_shutdown).",
    ].join("\n\n"),
    translations: {
      ru: {
        legalBasis: "Статья 41-1 Закона «О связи», на которую сослался Kcell. По Закону о связи Генеральный прокурор может распорядиться об отключении без решения суда.",
        govJustificationDetails: "Национальная безопасность и борьба с терроризмом. Kcell, сообщая абонентам о введённых по предписанию ограничениях, сослался на борьбу с терроризмом и общественную безопасность.",
        title: "Отключения интернета по всей стране во время январских событий 2022 года («Кантар»)",
        summary:
          "Когда протесты из-за цен на топливо распространились из Жанаозена и переросли в беспорядки по всей стране, в январе 2022 года были ограничены мессенджеры, нарушилась работа мобильного интернета, а с 5 января по всей стране были отключены фиксированные и мобильные сети. Связь стабилизировалась с 11 января, а 17 января Access Now сообщил о восстановлении доступа по всей стране.",
        body: [
          "Протесты из-за цен на топливо начались 2 января 2022 года в Жанаозене (Мангистауская область), и уже тогда оттуда стали поступать сообщения о проблемах с доступом в интернет. 4 января по всей стране были ограничены WhatsApp, Telegram и Signal, а с вечера начались сбои мобильного интернета.",
          "5 января началось отключение фиксированных и мобильных сетей по всей стране. По данным [RIPE Atlas](https://labs.ripe.net/author/emileaben/the-kazakhstan-outage-as-seen-from-ripe-atlas), оно началось около 11:15 UTC (17:15 по Алматы); BGP-маршруты при этом оставались видимыми, то есть сети по-прежнему были объявлены для остального интернета, хотя связь пропала. Другие источники называют время около 17:00 по местному времени. В Алматы и Мангистауской области, а затем и по всей стране было объявлено чрезвычайное положение.",
          "С 6 по 9 января доступ несколько раз ненадолго восстанавливался и снова отключался. 8 января министр заявил, что доступ будет возвращаться поэтапно. [Алматы снова подключили](https://rferl.org/a/kazakhstan-unrest-internet-resumes-almaty/31646931.html) 10 января — примерно через 111 часов, а с примерно 02:15 UTC 11 января связь работала стабильно. 17 января Access Now сообщил, что доступ восстановлен по всей стране.",
          "Kcell сообщил абонентам, что ограничения введены на основании статьи 41-1 Закона «О связи» в интересах борьбы с терроризмом и обеспечения общественной безопасности. Согласно этому закону, Генеральный прокурор может распорядиться об отключении без решения суда. Правительство обосновало отключение соображениями национальной безопасности и борьбы с терроризмом. Были задействованы все четыре крупных оператора — Казахтелеком, Kcell, Beeline и Tele2/Altel.",
          "Источники расходятся во времени начала отключения, в дате окончания инцидента (в данных STOP указаны 4–11 января) и в оценке ущерба: около 410–429 млн долларов США по данным Top10VPN и более 460 млн долларов по данным NetBlocks в изложении [drfl.kz](https://projects.drfl.kz/shutdown2022/en/internet_shutdown).",
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
    regions: ["mangystau", "almaty-city"],
    phases: [
      {
        label: "Access problems in Zhanaozen",
        description:
          "Problems with internet access were reported in Zhanaozen (Mangystau Region) as the protests began. The sources do not say which networks were affected or whether access was cut or slowed; no end is recorded.",
        translations: {
          ru: {
            label: "Проблемы с доступом в Жанаозене",
            description:
              "С началом протестов поступили сообщения о проблемах с доступом в интернет в Жанаозене (Мангистауская область). Источники не уточняют, какие сети были затронуты и был ли доступ отключён или замедлен; окончание не зафиксировано.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "PARTIAL",
        startsAt: "2022-01-02T00:00:00+06:00",
        startPrecision: "DAY",
        regions: ["mangystau"],
      },
      {
        label: "WhatsApp, Telegram and Signal restricted nationwide",
        description:
          "The three messaging apps were restricted across the country from 4 January. The restriction was overtaken by the nationwide blackout of 5 January; no separate end is recorded.",
        translations: {
          ru: {
            label: "Ограничение WhatsApp, Telegram и Signal по всей стране",
            description:
              "С 4 января три мессенджера были ограничены по всей стране. Затем началось общенациональное отключение 5 января; отдельное окончание этой фазы не зафиксировано.",
          },
        },
        type: "SERVICE_BLOCKING",
        extent: "FULL",
        startsAt: "2022-01-04T00:00:00+06:00",
        startPrecision: "DAY",
        services: ["WHATSAPP", "TELEGRAM", "SIGNAL"],
      },
      {
        label: "Mobile internet disrupted",
        description:
          'Mobile internet was disrupted from the evening of 4 January. "Evening" is all the sources say, so the start time is an estimate; the disruption merged into the nationwide blackout of 5 January.',
        translations: {
          ru: {
            label: "Сбои мобильного интернета",
            description:
              "С вечера 4 января нарушилась работа мобильного интернета. Источники говорят только о «вечере», поэтому время начала оценочное; затем сбой перешёл в общенациональное отключение 5 января.",
          },
        },
        type: "MOBILE_DATA_SHUTDOWN",
        extent: "PARTIAL",
        startsAt: "2022-01-04T18:00:00+06:00",
        startPrecision: "ESTIMATED",
      },
      {
        label: "Nationwide blackout of fixed and mobile networks",
        description:
          "A nationwide blackout of fixed and mobile networks began at around 11:15 UTC on 5 January as seen by RIPE Atlas (other sources say about 17:00 local time); BGP routes stayed visible. It lasted until brief restorations began on 6 January.",
        translations: {
          ru: {
            label: "Отключение фиксированных и мобильных сетей по всей стране",
            description:
              "Общенациональное отключение фиксированных и мобильных сетей началось около 11:15 UTC 5 января по данным RIPE Atlas (другие источники называют около 17:00 по местному времени); BGP-маршруты оставались видимыми. Оно продолжалось до первых кратковременных восстановлений 6 января.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "FULL",
        startsAt: "2022-01-05T11:15:00Z",
        startPrecision: "EXACT",
        endsAt: "2022-01-06T00:00:00+06:00",
        endPrecision: "DAY",
        operators: ALL_OPERATORS,
      },
      {
        label: "Almaty offline for about 111 hours",
        description:
          "Almaty was reconnected on 10 January after about 111 hours without internet. The end is computed from that duration and the 11:15 UTC start of the nationwide blackout, so it is an estimate.",
        translations: {
          ru: {
            label: "Алматы без интернета около 111 часов",
            description:
              "Алматы снова подключили 10 января — примерно через 111 часов без интернета. Время окончания рассчитано по этой продолжительности и началу общенационального отключения в 11:15 UTC, поэтому оно оценочное.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "FULL",
        startsAt: "2022-01-05T11:15:00Z",
        startPrecision: "EXACT",
        endsAt: "2022-01-10T02:15:00Z",
        endPrecision: "ESTIMATED",
        operators: ALL_OPERATORS,
        regions: ["almaty-city"],
      },
      {
        label: "Brief restorations and new cuts",
        description:
          "From 6 to 9 January access returned briefly and was cut again several times; on 8 January the minister said access would return in stages. The phase ends when connectivity was reported stable, at about 02:15 UTC on 11 January.",
        translations: {
          ru: {
            label: "Кратковременные восстановления и новые отключения",
            description:
              "С 6 по 9 января доступ несколько раз ненадолго возвращался и снова отключался; 8 января министр заявил, что доступ будет восстанавливаться поэтапно. Фаза заканчивается, когда связь, по сообщениям, стала стабильной — около 02:15 UTC 11 января.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "INTERMITTENT",
        startsAt: "2022-01-06T00:00:00+06:00",
        startPrecision: "DAY",
        endsAt: "2022-01-11T02:15:00Z",
        endPrecision: "HOUR",
      },
      {
        label: "Stable connectivity, residual restrictions",
        description:
          "Connectivity was stable from about 02:15 UTC on 11 January, but access was not reported restored nationwide until 17 January (Access Now). The sources do not say which networks or places were still affected in between.",
        translations: {
          ru: {
            label: "Стабильная связь, остаточные ограничения",
            description:
              "С примерно 02:15 UTC 11 января связь работала стабильно, однако о восстановлении доступа по всей стране сообщили только 17 января (Access Now). Какие сети или населённые пункты оставались затронутыми в этот период, источники не уточняют.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "PARTIAL",
        startsAt: "2022-01-11T02:15:00Z",
        startPrecision: "HOUR",
        endsAt: "2022-01-17T00:00:00+06:00",
        endPrecision: "DAY",
      },
    ],
    sources: [
      {
        kind: "CIVIL_SOCIETY_REPORT",
        url: "https://accessnow.org/kazakhstan-internet-shutdowns-protests-almaty-timeline-whats-happening/",
        title: "Kazakhstan internet shutdowns during the protests: a timeline of what is happening",
        publisher: "Access Now",
      },
      {
        kind: "CIVIL_SOCIETY_REPORT",
        url: "https://accessnow.org/press-release/keepiton-kazakhstan-internet-access/",
        title: "#KeepItOn: press release on internet access in Kazakhstan",
        publisher: "Access Now",
      },
      {
        kind: "MEASUREMENT",
        url: "https://labs.ripe.net/author/emileaben/the-kazakhstan-outage-as-seen-from-ripe-atlas",
        title: "The Kazakhstan outage as seen from RIPE Atlas",
        publisher: "RIPE Labs",
        note: "Sees the nationwide blackout begin at around 11:15 UTC on 5 January; BGP routes stayed visible.",
        translations: { ru: { note: "Фиксирует начало общенационального отключения около 11:15 UTC 5 января; маршруты BGP оставались видимыми." } },
        phase: 3,
      },
      {
        kind: "NEWS",
        url: "https://rferl.org/a/kazakhstan-unrest-internet-resumes-almaty/31646931.html",
        title: "Internet resumes in Almaty after the Kazakhstan unrest",
        publisher: "RFE/RL",
        phase: 4,
      },
      {
        kind: "CIVIL_SOCIETY_REPORT",
        url: "https://projects.drfl.kz/shutdown2022/en/internet_shutdown",
        title: "Special project on the January 2022 shutdown: the internet shutdown page (English)",
        publisher: "drfl.kz",
        note: "Reports NetBlocks' estimate of the cost as over USD 460 million.",
        translations: { ru: { note: "Приводит оценку NetBlocks: ущерб более 460 млн долларов США." } },
      },
      {
        kind: "MEASUREMENT",
        url: "https://blog.cloudflare.com/",
        title:
          "Cloudflare blog post on the Kazakhstan internet disruption, January 2022 (link is to the blog's front page; the post's own address is not recorded)",
        publisher: "Cloudflare",
      },
      {
        kind: "MEASUREMENT",
        url: "https://x.com/OpenObservatory/status/1479064095768911872",
        title: "OONI post on X about the disruptions in Kazakhstan, January 2022",
        publisher: "OONI",
      },
      {
        kind: "CIVIL_SOCIETY_REPORT",
        url: STOP_URL,
        title: "#KeepItOn STOP data: Kazakhstan, January 2022 entry (campaign page)",
        publisher: "Access Now",
        note: "Records the shutdown as 4–11 January 2022.",
        translations: { ru: { note: "Указывает период отключения 4–11 января 2022 года." } },
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
          "RIPE Atlas saw the nationwide blackout begin at around 11:15 UTC on 5 January (17:15 local time). Other sources say it began at about 17:00 local time (11:00 UTC).",
        resolution:
          "The tracker records 11:15 UTC, the time measured by RIPE Atlas. The two accounts are a quarter of an hour apart, and the local-time figure looks rounded.",
        translations: {
          ru: {
            description:
              "По данным RIPE Atlas, общенациональное отключение началось около 11:15 UTC 5 января (17:15 по местному времени). Другие источники называют около 17:00 по местному времени (11:00 UTC).",
            resolution:
              "Трекер указывает 11:15 UTC — время, зафиксированное измерениями RIPE Atlas. Расхождение между двумя версиями составляет четверть часа, и время по местному времени, по-видимому, округлено.",
          },
        },
        sources: [2],
      },
      {
        topic: "DATES",
        description:
          "The STOP data records the shutdown as 4–11 January 2022. Access Now reported access restored nationwide only on 17 January, and access problems were reported in Zhanaozen from 2 January.",
        resolution:
          "The tracker dates the incident 2–17 January: it starts with the Zhanaozen reports and ends with Access Now's report of nationwide restoration. The STOP end date matches the return of stable connectivity on 11 January, which is recorded as the start of the final, partial phase.",
        translations: {
          ru: {
            description:
              "В данных STOP отключение датировано 4–11 января 2022 года. Access Now сообщил о восстановлении доступа по всей стране только 17 января, а о проблемах с доступом в Жанаозене сообщалось с 2 января.",
            resolution:
              "Трекер датирует инцидент 2–17 января: он начинается с сообщений из Жанаозена и заканчивается сообщением Access Now о восстановлении доступа по всей стране. Дата окончания в STOP совпадает с возвращением стабильной связи 11 января, которое указано как начало последней, частичной фазы.",
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
  // 8. October–November 2022: snap presidential election
  // ---------------------------------------------------------------------------
  {
    slug: "2022-11-snap-election-blocking",
    title: "On-and-off blocking of social media and messengers around the snap presidential election (Oct–Nov 2022)",
    summary:
      "In the weeks before and after the snap presidential election of 20 November 2022, Instagram, Telegram, Twitter, Signal and YouTube were blocked on and off. A shutdown was also reported in Astana on 26 November.",
    body: [
      "Kazakhstan held a snap presidential election on 20 November 2022. From mid-October to late November, Instagram, Telegram, Twitter, Signal and YouTube were blocked on and off in the weeks before and after the vote. Beeline and Kazakhtelecom are the operators named.",
      "An internet shutdown was reported in Astana on 26 November.",
      "The blocking is listed in Access Now's [Election Watch 2022](https://accessnow.org/elections-internet-shutdowns-watch-2022/) and was reported by [Vlast.kz](https://t.me/vlastkz/12453); OONI's Signal test results for Kazakhstan in October 2022 are linked below. The start and end dates are approximate.",
    ].join("\n\n"),
    translations: {
      ru: {
        title: "Периодическая блокировка соцсетей и мессенджеров вокруг досрочных президентских выборов (октябрь–ноябрь 2022 года)",
        summary:
          "За несколько недель до и после досрочных президентских выборов 20 ноября 2022 года Instagram, Telegram, Twitter, Signal и YouTube периодически блокировались. 26 ноября также сообщалось об отключении интернета в Астане.",
        body: [
          "20 ноября 2022 года в Казахстане прошли досрочные президентские выборы. С середины октября до конца ноября, в течение нескольких недель до и после голосования, Instagram, Telegram, Twitter, Signal и YouTube периодически блокировались. Среди операторов названы Beeline и Казахтелеком.",
          "26 ноября сообщалось об отключении интернета в Астане.",
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
    regions: ["astana"],
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
      },
      {
        label: "Shutdown reported in Astana",
        description: "An internet shutdown was reported in Astana on 26 November. Its duration is not given.",
        translations: {
          ru: {
            label: "Сообщения об отключении в Астане",
            description: "26 ноября сообщалось об отключении интернета в Астане. Продолжительность не указана.",
          },
        },
        type: "FULL_BLACKOUT",
        extent: "FULL",
        startsAt: "2022-11-26T00:00:00+06:00",
        startPrecision: "DAY",
        regions: ["astana"],
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
  // 9. 2023–2024: website blocking by TLS interference
  // ---------------------------------------------------------------------------
  {
    slug: "2023-website-blocking-tls-interference",
    title: "News and human-rights websites blocked by TLS interference (2023–2024)",
    summary:
      "OONI measurements in 2023–2024 found news and human-rights websites blocked through TLS interference, and TLS interception with a government root certificate on 19 networks. This is website blocking, not a network shutdown.",
    body: [
      "In 2023 and 2024, OONI's measurements from Kazakhstan found news and human-rights websites being blocked by interference with TLS, the protocol that secures web connections.",
      "OONI also saw TLS interception using a government-issued root certificate on 19 networks.",
      "These findings are set out in [OONI's 2024 Kazakhstan report](https://ooni.org/post/2024-kazakhstan-report/). They are recorded here as website blocking, not as an internet shutdown. The exact start is not given, and the blocking may be continuing.",
    ].join("\n\n"),
    translations: {
      ru: {
        servicesOther: "Новостные и правозащитные сайты",
        title: "Блокировка новостных и правозащитных сайтов с помощью вмешательства в TLS (2023–2024 годы)",
        summary:
          "Измерения OONI в 2023–2024 годах выявили блокировку новостных и правозащитных сайтов путём вмешательства в TLS, а также перехват TLS-трафика с использованием государственного корневого сертификата в 19 сетях. Это блокировка сайтов, а не отключение сети.",
        body: [
          "В 2023 и 2024 годах измерения OONI в Казахстане показали, что новостные и правозащитные сайты блокируются путём вмешательства в TLS — протокол, защищающий веб-соединения.",
          "OONI также зафиксировал перехват TLS-трафика с использованием государственного корневого сертификата в 19 сетях.",
          "Эти выводы изложены в [докладе OONI по Казахстану за 2024 год](https://ooni.org/post/2024-kazakhstan-report/). Здесь они учтены как блокировка сайтов, а не как отключение интернета. Точная дата начала не указана, и блокировка может продолжаться.",
        ].join("\n\n"),
        causeDetails: "В источнике не указан конкретный повод; речь идёт о продолжающейся блокировке новостных и правозащитных сайтов.",
      },
    },
    status: "PUBLISHED",
    verification: "CONFIRMED_BY_MEASUREMENT",
    startsAt: "2023-01-01T00:00:00+06:00",
    startPrecision: "ESTIMATED",
    scope: "NATIONAL",
    type: "WEBSITE_BLOCKING",
    services: ["OTHER"],
    servicesOther: "News and human-rights websites",
    cause: "OTHER",
    causeDetails: "The source names no specific trigger; this is continuing blocking of news and human-rights websites.",
    operators: [],
    regions: [],
    phases: [
      {
        label: "Websites blocked by TLS interference",
        description:
          "News and human-rights websites blocked by TLS interference, as measured by OONI in 2023–2024; TLS interception with a government root certificate was seen on 19 networks. The start is approximate and no end is recorded.",
        translations: {
          ru: {
            label: "Блокировка сайтов путём вмешательства в TLS",
            description:
              "Блокировка новостных и правозащитных сайтов путём вмешательства в TLS по измерениям OONI в 2023–2024 годах; в 19 сетях зафиксирован перехват TLS с использованием государственного корневого сертификата. Дата начала приблизительная, окончание не зафиксировано.",
          },
        },
        type: "WEBSITE_BLOCKING",
        extent: "PARTIAL",
        startsAt: "2023-01-01T00:00:00+06:00",
        startPrecision: "ESTIMATED",
        services: ["OTHER"],
      },
    ],
    sources: [
      {
        kind: "MEASUREMENT",
        url: "https://ooni.org/post/2024-kazakhstan-report/",
        title: "OONI's 2024 Kazakhstan report",
        publisher: "OONI",
        note: "Finds news and human-rights websites blocked by TLS interference, and TLS interception with a government root certificate on 19 networks.",
        translations: { ru: { note: "Обнаруживает блокировку новостных и правозащитных сайтов через вмешательство в TLS и перехват TLS с правительственным корневым сертификатом в 19 сетях." } },
        phase: 0,
      },
    ],
  },
];
