// The sample request of each letter language, for "Load example".
// Generated from letter_templates/<lang>/samples/full.json by
// tests/browser/make-examples.mjs: do not edit, run it again.
export default {
  "de": {
    "language": "de",
    "letter_date": "2026-11-22",
    "sender": {
      "organization": "Nordlicht Consulting GmbH",
      "name": "Jana Petersen",
      "role": "Geschäftsführerin",
      "address": [
        "Am Sandtorkai 12",
        "20457 Hamburg"
      ],
      "country": "DE",
      "email": "jana.petersen@nordlicht.example",
      "phone": "+49 40 1234567",
      "legal": {
        "legal_form": "GmbH",
        "seat": "Hamburg",
        "register_court": "Amtsgericht Hamburg",
        "register_number": "HRB 123456",
        "managing_directors": [
          "Jana Petersen"
        ],
        "vat_id": "DE123456789"
      }
    },
    "recipient": {
      "organization": "Müller & Söhne AG",
      "name": "Thomas Müller",
      "form_of_address": "mr",
      "address": [
        "Leopoldstraße 5",
        "80802 München"
      ],
      "country": "DE"
    },
    "contract": {
      "title": "Rahmenvertrag über Beratungsleistungen",
      "reference": "RV-2023-017",
      "signed_on": "2023-01-15",
      "termination_clause": "§ 8.2",
      "notice_period": {
        "amount": 3,
        "unit": "months"
      },
      "notice_anchor": "end_of_month",
      "immediate_for_cause": false,
      "currency": "EUR"
    },
    "termination": {
      "reasons": [
        "time_drain",
        "payment_problems"
      ],
      "documented_situations": [
        {
          "date": "2026-09-30",
          "text": "Rechnung RE-2026-0871 wurde 61 Tage nach Fälligkeit beglichen"
        }
      ],
      "requested_end_date": null,
      "for_cause": false
    },
    "projects": [
      {
        "name": "Website-Relaunch",
        "deliverable": "Go-live",
        "due": "2026-12-15"
      }
    ],
    "transition": {
      "handover": [
        "Quelldateien und Designs",
        "Zugangsdaten"
      ],
      "handover_by": "2027-01-15",
      "contact": {
        "name": "Lena Vogt",
        "email": "lena.vogt@nordlicht.example"
      },
      "alternatives": [
        {
          "name": "Hafenblick Digital",
          "note": "auf E-Commerce spezialisiert"
        }
      ]
    },
    "goodwill": {
      "kind": "refund_last_month",
      "amount": "1250.00",
      "currency": "EUR",
      "invoice": "RE-2026-1102"
    },
    "options": {
      "paper": "A4",
      "draft": false,
      "apology": true
    }
  },
  "en": {
    "language": "en",
    "letter_date": "2026-11-22",
    "sender": {
      "organization": "Brightwater Analytics LLC",
      "name": "Daniel Reyes",
      "role": "Managing Partner",
      "address": [
        "410 Harbor Street, Suite 200",
        "Portland, OR 97204"
      ],
      "country": "US",
      "email": "daniel.reyes@brightwater.example",
      "phone": "+1 503 555 0142"
    },
    "recipient": {
      "organization": "Cedar & Stone Retail Inc.",
      "name": "Margaret Collins",
      "form_of_address": "ms",
      "address": [
        "88 Market Avenue",
        "Seattle, WA 98101"
      ],
      "country": "US"
    },
    "contract": {
      "title": "Master Services Agreement",
      "reference": "MSA-2022-044",
      "signed_on": "2022-03-01",
      "termination_clause": "Section 12.1",
      "notice_period": {
        "amount": 30,
        "unit": "days"
      },
      "notice_anchor": "any_day",
      "term_end": "2027-02-28",
      "auto_renewal": {
        "period": {
          "amount": 12,
          "unit": "months"
        }
      },
      "early_termination_allowed": true,
      "currency": "USD"
    },
    "termination": {
      "reasons": [
        "rejects_recommendations",
        "strategic_change"
      ],
      "documented_situations": [
        {
          "date": "2026-06-12",
          "text": "Quarterly review: the proposed data migration plan was declined"
        },
        {
          "date": "2026-10-03",
          "text": "Roadmap workshop: the reporting redesign was put on hold"
        }
      ],
      "for_cause": false
    },
    "projects": [
      {
        "name": "Q4 sales dashboard",
        "deliverable": "Final dashboard and documentation",
        "due": "2026-12-18"
      },
      {
        "name": "Inventory forecast model",
        "deliverable": "Validated model and hand-off session",
        "due": "2027-01-29"
      }
    ],
    "transition": {
      "handover": [
        "Dashboard source files",
        "Data warehouse credentials",
        "Model training notebooks"
      ],
      "handover_by": "2027-01-29",
      "contact": {
        "name": "Priya Natarajan",
        "email": "priya.natarajan@brightwater.example",
        "phone": "+1 503 555 0177"
      },
      "alternatives": [
        {
          "name": "Northfield Data Partners",
          "note": "focused on retail analytics"
        },
        {
          "name": "Lumen Insight Group",
          "note": "strong in-house data engineering team"
        }
      ]
    },
    "goodwill": {
      "kind": "cancel_last_invoice",
      "amount": "2400.00",
      "currency": "USD",
      "invoice": "INV-2026-3318"
    },
    "options": {
      "paper": "letter",
      "draft": false,
      "apology": true
    }
  },
  "pl": {
    "language": "pl",
    "letter_date": "2026-11-22",
    "sender": {
      "organization": "Bursztynowa Analityka sp. z o.o.",
      "name": "Krzysztof Zieliński",
      "role": "Prezes Zarządu",
      "address": [
        "ul. Karmelicka 12/4",
        "31-128 Kraków"
      ],
      "country": "PL",
      "email": "krzysztof.zielinski@bursztynowa.example",
      "phone": "+48 12 345 67 89",
      "legal": {
        "legal_form": "sp. z o.o.",
        "seat": "Kraków",
        "register_court": "Sąd Rejonowy dla Krakowa-Śródmieścia w Krakowie, XI Wydział Gospodarczy KRS",
        "register_number": "0000123456",
        "tax_id": "6761234567",
        "share_capital": {
          "amount": "50000.00",
          "currency": "PLN"
        }
      }
    },
    "recipient": {
      "organization": "Mazowiecka Sieć Handlowa S.A.",
      "name": "Małgorzata Wiśniewska",
      "form_of_address": "ms",
      "address": [
        "ul. Marszałkowska 84/92",
        "00-514 Warszawa"
      ],
      "country": "PL"
    },
    "contract": {
      "title": "Umowa o świadczenie usług analitycznych",
      "reference": "UA/2023/017",
      "signed_on": "2023-03-01",
      "termination_clause": "§ 9 ust. 2",
      "notice_period": {
        "amount": 1,
        "unit": "months"
      },
      "notice_anchor": "end_of_month",
      "immediate_for_cause": false,
      "currency": "PLN"
    },
    "termination": {
      "reasons": [
        "rejects_recommendations",
        "strategic_change"
      ],
      "documented_situations": [
        {
          "date": "2026-06-12",
          "text": "przegląd kwartalny: odrzucono przedstawiony przez nas plan migracji danych do nowej hurtowni"
        },
        {
          "date": "2026-10-05",
          "text": "warsztat strategiczny: po raz trzeci wstrzymano przebudowę raportowania sprzedaży"
        }
      ],
      "requested_end_date": null,
      "for_cause": false
    },
    "projects": [
      {
        "name": "Panel sprzedaży za IV kwartał",
        "deliverable": "gotowy panel wraz z dokumentacją",
        "due": "2026-12-11"
      },
      {
        "name": "Model prognozowania zapasów",
        "deliverable": "zweryfikowany model i szkolenie dla zespołu zakupów",
        "due": "2026-12-18"
      }
    ],
    "transition": {
      "handover": [
        "pliki źródłowe paneli i raportów",
        "dane dostępowe do hurtowni danych",
        "notatniki z procesem uczenia modelu prognostycznego"
      ],
      "handover_by": "2026-12-22",
      "contact": {
        "name": "Joanna Dąbrowska",
        "email": "joanna.dabrowska@bursztynowa.example",
        "phone": "+48 12 345 67 90"
      },
      "alternatives": [
        {
          "name": "Wrocławskie Centrum Analiz sp. z o.o.",
          "note": "specjalizuje się w analityce dla handlu detalicznego"
        },
        {
          "name": "Datawise Polska S.A.",
          "note": "dysponuje własnym zespołem inżynierii danych"
        }
      ]
    },
    "goodwill": {
      "kind": "cancel_last_invoice",
      "amount": "12500.00",
      "currency": "PLN",
      "invoice": "FV/2026/11/214"
    },
    "options": {
      "paper": "A4",
      "draft": false,
      "apology": true
    }
  },
  "pt": {
    "language": "pt",
    "letter_date": "2026-11-22",
    "sender": {
      "organization": "Ponte Alta Comunicação Ltda.",
      "name": "Mariana Costa Lima",
      "role": "Sócia-diretora",
      "address": [
        "Av. Paulista, 1578 – Bela Vista",
        "01310-200 São Paulo – SP"
      ],
      "country": "BR",
      "email": "mariana.lima@pontealta.example",
      "phone": "+55 11 3254-7800",
      "legal": {
        "seat": "São Paulo – SP",
        "tax_id": "12.345.678/0001-90"
      }
    },
    "recipient": {
      "organization": "Araucária Móveis Planejados Ltda.",
      "name": "Ricardo Almeida",
      "form_of_address": "mr",
      "address": [
        "Rua XV de Novembro, 700 – Centro",
        "80020-310 Curitiba – PR"
      ],
      "country": "BR"
    },
    "contract": {
      "title": "Contrato de Prestação de Serviços de Marketing Digital",
      "reference": "CPS-2022-031",
      "signed_on": "2022-03-14",
      "termination_clause": "cláusula 11.2",
      "notice_period": {
        "amount": 30,
        "unit": "days"
      },
      "notice_anchor": "end_of_month",
      "immediate_for_cause": false,
      "currency": "BRL"
    },
    "termination": {
      "reasons": [
        "time_drain",
        "strategic_change"
      ],
      "documented_situations": [
        {
          "date": "2026-09-05",
          "text": "Relatório de horas de agosto: 212 horas dedicadas à conta, para 120 horas previstas no contrato"
        },
        {
          "date": "2026-10-16",
          "text": "Reunião de alinhamento trimestral: o escopo solicitado para o quarto trimestre excedeu em 70% o plano aprovado"
        }
      ],
      "requested_end_date": null,
      "for_cause": false
    },
    "projects": [
      {
        "name": "Campanha de Natal 2026",
        "deliverable": "peças finais e relatório de resultados",
        "due": "2026-12-18"
      },
      {
        "name": "Novo site institucional",
        "deliverable": "publicação e treinamento da equipe de vendas",
        "due": "2026-12-29"
      }
    ],
    "transition": {
      "handover": [
        "Arquivos-fonte das campanhas e do site",
        "Acessos às contas de anúncios e ao painel de métricas",
        "Relatórios de desempenho de 2022 a 2026"
      ],
      "handover_by": "2026-12-30",
      "contact": {
        "name": "Camila Torres",
        "email": "camila.torres@pontealta.example",
        "phone": "+55 11 3254-7812"
      },
      "alternatives": [
        {
          "name": "Guanabara Digital",
          "note": "agência do Rio de Janeiro especializada no varejo de móveis e decoração"
        },
        {
          "name": "Pinhão Comunicação Integrada",
          "note": "equipe própria em Curitiba, com forte atuação em mídia regional"
        }
      ]
    },
    "goodwill": {
      "kind": "refund_last_month",
      "amount": "4800.00",
      "currency": "BRL",
      "invoice": "2026/1187"
    },
    "options": {
      "paper": "A4",
      "draft": false,
      "apology": true
    }
  },
  "th": {
    "language": "th",
    "letter_date": "2027-01-29",
    "sender": {
      "organization": "บริษัท ฟ้าใส ดิจิทัล จำกัด",
      "name": "ปิยะนุช รุ่งเรืองศรี",
      "role": "กรรมการผู้จัดการ",
      "address": [
        "อาคารสาทรซิตี้ทาวเวอร์ ชั้น 12",
        "175 ถนนสาทรใต้ แขวงทุ่งมหาเมฆ เขตสาทร",
        "กรุงเทพมหานคร 10120"
      ],
      "country": "TH",
      "email": "piyanuch@fahsai.example",
      "phone": "+66 2 123 4567",
      "legal": {
        "seat": "กรุงเทพมหานคร",
        "tax_id": "0105556123456"
      }
    },
    "recipient": {
      "organization": "บริษัท ปู่ปั้น ฟู้ดส์ จำกัด",
      "name": "สมชาย ใจดี",
      "form_of_address": "mr",
      "address": [
        "อาคารริมน้ำพลาซ่า ชั้น 5",
        "99 ถนนเจริญกรุง แขวงบางรัก เขตบางรัก",
        "กรุงเทพมหานคร 10500"
      ],
      "country": "TH"
    },
    "contract": {
      "title": "สัญญาจ้างบริการการตลาดดิจิทัล",
      "reference": "FS-2566-014",
      "signed_on": "2023-03-01",
      "termination_clause": "ข้อ 12.1",
      "notice_period": {
        "amount": 30,
        "unit": "days"
      },
      "notice_anchor": "any_day",
      "immediate_for_cause": false,
      "currency": "THB"
    },
    "termination": {
      "reasons": [
        "unreasonable_demands",
        "payment_problems"
      ],
      "documented_situations": [
        {
          "date": "2026-10-14",
          "text": "บริษัทฯ ได้รับชำระค่าบริการตามใบแจ้งหนี้เลขที่ INV-2569-0871 ล่าช้ากว่ากำหนด 61 วัน"
        },
        {
          "date": "2026-12-03",
          "text": "บริษัทฯ ได้รับอีเมลแจ้งว่าจะฟ้องร้องหากบริษัทฯ ไม่จัดทำงานนอกขอบเขตสัญญาให้โดยไม่คิดค่าบริการ"
        }
      ],
      "requested_end_date": null,
      "for_cause": false
    },
    "projects": [
      {
        "name": "แคมเปญเปิดตัวน้ำพริกป้าแดง",
        "deliverable": "วิดีโอโฆษณาและชุดภาพสำหรับสื่อออนไลน์",
        "due": "2027-02-15"
      },
      {
        "name": "แคมเปญเดือนแห่งความกตัญญู",
        "deliverable": "รายงานสรุปผลแคมเปญพร้อมข้อเสนอแนะ",
        "due": "2027-02-26"
      }
    ],
    "transition": {
      "handover": [
        "ไฟล์ต้นฉบับงานออกแบบและวิดีโอทั้งหมด รวมถึงภาพถ่ายชุดตลาดนัดยามค่ำ",
        "รหัสผ่านและสิทธิ์ผู้ดูแลบัญชีโฆษณาและบัญชีโซเชียลมีเดีย",
        "ข้อมูลสถิติและรายงานผลการดำเนินงานย้อนหลัง 12 เดือน"
      ],
      "handover_by": "2027-02-26",
      "contact": {
        "name": "นภัสสร ศรีสุข",
        "email": "napatsorn@fahsai.example",
        "phone": "+66 2 123 4568"
      },
      "alternatives": [
        {
          "name": "บริษัท ฤๅษี ครีเอทีฟ จำกัด",
          "note": "เชี่ยวชาญการตลาดสำหรับธุรกิจอาหารและเครื่องดื่ม"
        }
      ]
    },
    "goodwill": {
      "kind": "refund_last_month",
      "amount": "45000.00",
      "currency": "THB",
      "invoice": "INV-2570-0112"
    },
    "options": {
      "paper": "A4",
      "draft": false,
      "apology": true
    }
  }
};
