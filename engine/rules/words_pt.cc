// The plan's words in Brazilian Portuguese, as a Brazilian lawyer reviewing the
// letter reads them.
#include "rules/words.h"

namespace parting::rules {

const Patterns& PortuguesePatterns() {
  static const Patterns patterns = {
      {"notice", "aviso prévio de {0} a partir de {1}: vence em {2}"},
      {"notice_receipt", "aviso prévio de {0} a partir do recebimento em {1}: vence em {2}"},
      {"notice_none", "sem aviso prévio informado; data de referência: {0}"},
      {"notice_none_receipt",
       "sem aviso prévio informado; data de referência: o recebimento em {0}"},
      {"to_month_end", "{0}; ajustado ao fim do mês: {1}"},
      {"to_quarter_end", "{0}; ajustado ao fim do trimestre: {1}"},
      {"term_fits", "o prazo contratual termina em {0}; {1}, dentro desse prazo"},
      {"term_missed", "{0}, depois do fim do prazo contratual em {1}"},
      {"term_missed_passed", "{0}; o prazo contratual terminou em {1}, antes da data da carta"},
      {"renews_once", "{0}; o contrato se renova por {1}: {2}"},
      {"renews_times", "{0}; o contrato se renova {2} vezes por {1}: {3}"},
      {"no_renewal", "{0}; o contrato não se renova e termina ao fim do prazo, em {1}"},
      {"expired",
       "o prazo contratual terminou em {0}, antes da data da carta, sem renovação: o contrato já "
       "expirou; vale a data da carta, {1}"},
      {"expired_receipt",
       "o prazo contratual terminou em {0}, antes do recebimento, sem renovação: o contrato já "
       "expirou; vale a data do recebimento, {1}"},
      {"for_cause",
       "rescisão por justa causa com efeito imediato, como o contrato permite; produz efeito no "
       "recebimento, em {0}"},
      {"requested",
       "data solicitada: {0}, posterior à data mais próxima que o contrato permite, {1}"},
      {"note_gentler",
       "encerrar ao fim do prazo contratual, em {0}, {1} depois do término pelo aviso prévio "
       "({2}), é mais cordial do que encerrar no meio do prazo; para isso, solicite a data {0}"},
      {"rb_notice", "aviso prévio de {0} contado para trás a partir de {1}: recebimento até {2}"},
      {"rb_notice_month_end",
       "aviso prévio de {0} contado para trás a partir do fim do mês, {1}: recebimento até {2}"},
      {"rb_notice_quarter_end",
       "aviso prévio de {0} contado para trás a partir do fim do trimestre, {1}: recebimento até "
       "{2}"},
      {"rb_term",
       "aviso prévio de {0} contado para trás a partir do fim do prazo contratual, {1}: "
       "recebimento até {2}"},
      {"rb_renewed_term",
       "aviso prévio de {0} contado para trás a partir do fim do prazo renovado, {1}: recebimento "
       "até {2}"},
      {"rb_term_no_notice", "sem aviso prévio: recebimento até o fim do prazo contratual, {0}"},
      {"rb_renewed_no_notice", "sem aviso prévio: recebimento até o fim do prazo renovado, {0}"},
      {"rb_no_renewal",
       "o contrato não se renova e termina em {0}, desde que a carta chegue até essa data: "
       "recebimento até {0}"},
      {"rb_expired",
       "o prazo contratual terminou em {0}, sem renovação; uma carta recebida depois produz efeito "
       "no recebimento: recebimento até {1}"},
      {"rb_for_cause",
       "a rescisão por justa causa produz efeito no recebimento: recebimento até {0}"},
      {"rb_requested", "para a data solicitada, {0}: {1}"},
      {"rb_then", "{0}; se recebida em {1}, o contrato só terminaria em {2}"},
      {"rb_then_requested",
       "{0}; se recebida em {1}, a data solicitada seria anterior ao que o contrato permite (a "
       "data mais próxima passaria a ser {2})"},
      {"w.notice_period_missing",
       "Não foi informado aviso prévio: considerou-se o fim do prazo contratual sem contagem de "
       "aviso, e nenhuma rescisão anterior foi calculada. Confira o contrato."},
      {"w.renewal_period_zero",
       "Um período de renovação igual a 0 não renova nada; o contrato foi tratado como não "
       "renovável."},
      {"w.term_already_ended",
       "O prazo contratual terminou em {0}, antes da data da carta ({1}), e não se renova: o "
       "contrato já expirou e a carta só pode confirmar isso."},
      {"w.term_ends_before_receipt",
       "O prazo contratual termina em {0}, antes do recebimento previsto ({1}), e não se renova: o "
       "contrato expira por si só antes de a carta chegar."},
      {"w.for_cause_not_immediate",
       "A rescisão é por justa causa, mas o contrato não permite rescisão imediata: aplicaram-se "
       "as vias ordinárias."},
      {"w.for_cause_without_reason",
       "A rescisão é por justa causa, mas nenhum motivo e nenhuma situação documentada a "
       "fundamentam."},
      {"w.requested_not_term_end",
       "A data solicitada, {0}, não coincide com o fim de um prazo, e o contrato não permite "
       "encerrá-lo no meio do prazo: é necessária a concordância da outra parte."},
      {"w.project_after_end", "O projeto “{0}” vence em {1}, depois do término em {2}."},
      {"w.project_due_in_past",
       "O projeto “{0}” venceu em {1}, antes da data da carta ({2}): a carta prometeria uma "
       "entrega já atrasada."},
      {"w.handover_after_end", "A transferência está prevista para {0}, depois do término em {1}."},
      {"w.handover_in_past",
       "A data da transferência, {0}, é anterior à data da carta ({1}): a carta fixaria um prazo "
       "já vencido."},
      {"w.goodwill_omitted",
       "O gesto de boa vontade solicitado foi omitido, pois entre os motivos há desrespeito à "
       "equipe ou conduta antiética."},
      {"w.apology_omitted",
       "O pedido de desculpas solicitado foi omitido, pois entre os motivos há desrespeito à "
       "equipe ou conduta antiética."},
      {"w.goodwill_currency_mismatch", "O gesto de boa vontade está em {0}; o contrato, em {1}."},
      {"w.goodwill_currency_missing",
       "O valor do gesto de boa vontade não tem moeda, nem própria nem a do contrato."},
      {"w.goodwill_amount_missing",
       "O gesto de boa vontade não informa valor: a carta não pode dizer quanto será reembolsado "
       "ou dispensado."},
      {"w.goodwill_invoice_missing",
       "A última fatura será cancelada, mas falta o número que a identifica."},
      {"w.situation_after_letter_date",
       "Uma situação documentada tem data de {0}, posterior à data da carta ({1})."},
      {"w.signed_after_letter_date",
       "O contrato foi assinado em {0}, depois da data da carta ({1})."},
      {"w.no_termination_clause",
       "Não foi informada a cláusula de rescisão: a carta não citará nenhuma."},
  };
  return patterns;
}

}  // namespace parting::rules
