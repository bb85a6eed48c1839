"""Pages written for the layout tests: body paragraphs in each language and a cleaner call."""

from __future__ import annotations

from pipeline.text.clean import CleanedDocument, clean_document

EN_BODY = "Officials from both countries agreed on Tuesday to widen cooperation in fisheries and port logistics."
RU_BODY = "Представители двух стран договорились расширить сотрудничество в области рыболовства и логистики."
KO_BODY = "양국 대표단은 수산업과 항만 물류 분야의 협력을 확대하기로 합의했다고 관계자가 전했다."


def page(*lines: str) -> CleanedDocument:
    """A plain-text page of these lines, cleaned as an inbox .txt file is."""
    return clean_document("\n".join(lines), source_format="txt")
