"""Vocabulary of web-page furniture in English, Russian and Korean: data only, no logic.

Each table names a KIND of line that crawled news pages carry around an article (menus,
widgets, counters, labels of metadata lines, update stamps, related-story boxes). The rules
that use them live in `boilerplate.py`, `published_date.py` and `headline.py`; extending the
pipeline to a new site should mean adding a word here, never a rule for one site.
"""

from __future__ import annotations

import re

# Whole lines that are navigation, share/print widgets or list labels (compared casefolded,
# with trailing ":" and spaces dropped). A word inside a sentence is never matched.
CHROME_LINES = frozenset(
    s.casefold()
    for s in (
        # en
        "All news", "Latest news", "More news", "Related news", "Related articles", "Related stories",
        "Share", "Share this article", "Share this", "Print", "Print this article", "Subscribe",
        "Email", "E-mail", "Tweet", "Facebook", "Twitter", "Telegram", "WhatsApp", "LinkedIn", "Home",
        "Menu", "Main menu", "Back to top", "Go top", "Go to top", "Top", "Read more", "Comments",
        "Comment", "Advertisement", "Skip to content", "Skip to main content", "Skip navigation",
        "Go to contents", "Go to content", "Font size", "Close", "List", "Prev", "Next", "Previous",
        "Search", "Login", "Log in", "Sign in", "Sign up", "Register", "Sitemap", "Site map",
        "Log out", "Sign out", "My account", "Featured Topics", "Contact us",
        "Continue reading", "Leave a comment", "Rate this article", "Оцените статью", "Оценить статью", "Add comment", "Write a comment", "Show more", "Load more",
        "Читать далее", "Читать полностью", "Показать ещё", "Показать еще", "Оставить комментарий",
        "더보기", "기사 더보기", "댓글쓰기", "댓글 쓰기",
        "Top news", "Most read", "Most viewed", "Most popular", "Trending", "Editor's picks",
        "Recommended", "You may also like", "See also", "Photos", "Video", "Videos", "Language",
        "English", "Русский", "한국어", "KOR", "ENG", "RUS",
        # ru
        "Все новости", "Лента новостей", "Поделиться", "Печать", "Версия для печати", "Распечатать",
        "Подписаться", "Читать также", "Читайте также", "Смотрите также", "Комментарии",
        "Комментировать", "Реклама", "Наверх", "Главная", "Меню", "Поиск", "Войти", "Закрыть",
        "Рекомендуем", "Популярное",
        "Вход", "Выход", "Регистрация", "Войти в почту", "Войти в аккаунт", "Личный кабинет", "Напечатать", "Самое читаемое", "Главное", "Новости партнеров", "Новости партнёров",
        "Фото", "Видео", "Далее", "Назад", "Вперед", "Вперёд", "Подробнее", "Источник",
        "Перейти к меню", "Перейти к содержанию", "Перейти к основному содержанию",
        # ko
        "공유하기", "인쇄", "프린트", "구독", "목록", "기사목록", "댓글", "맨위로", "위로", "스크랩",
        "글씨 크기 조절", "글자크기", "글자 크기", "뷰페이지", "본문으로 바로가기", "본문 바로가기",
        "주메뉴 바로가기", "메인메뉴 바로가기", "바로가기 메뉴", "검색창 열기", "전체메뉴", "메뉴",
        "닫기", "이전", "다음", "이전글", "다음글", "많이 본 뉴스", "많이 본 기사", "인기기사",
        "로그인", "로그아웃", "회원가입", "마이페이지",
        "주요뉴스", "관련기사", "관련 기사", "추천기사", "광고", "광고삭제", "이 기사를 공유합니다",
        "기사공유", "전체 페이지뷰", "페이스북", "트위터", "카카오톡", "카카오스토리", "홈", "HOME",
        # a byline split over lines ("이창희" / "기자")
        "기자", "특파원", "제보하기", "기사제보", "■ 제보하기",
        # end-of-story marks standing alone
        "(끝)", "(END)", "(КОНЕЦ)",
    )
)

# Words that make a short line a share bar or toolbar when every token is one of them.
WIDGET_WORDS = frozenset(
    w.casefold()
    for w in (
        "share", "print", "email", "e-mail", "tweet", "facebook", "twitter", "telegram", "whatsapp",
        "linkedin", "vk", "vkontakte", "ok", "copy", "link", "url", "comments", "comment", "save",
        "поделиться", "печать", "вконтакте", "одноклассники", "телеграм", "комментарии",
        "공유", "공유하기", "인쇄", "프린트", "페이스북", "트위터", "카카오톡", "카카오스토리", "밴드",
        "네이버", "블로그", "스크랩", "url복사", "링크복사", "댓글", "좋아요", "복사하기", "바로가기", "본문", "상태바",
        "google", "google+", "plus", "pinterest", "kakao", "story", "band", "naver", "instagram", "youtube",
        "reddit", "line", "weibo", "wechat", "odnoklassniki", "vk.com", "ok.ru",
        "글씨", "글자", "키우기", "줄이기", "크게", "작게", "가", "저장", "메일", "이메일", "기사", "보내기",
        "글자크기", "설정", "rss", "새로보기", "폰트", "확대", "축소", "프린트하기", "인쇄하기", "신고하기",
        # a video player's controls ("Video Player Close", "Play Pause Mute Fullscreen")
        "video", "player", "close", "play", "pause", "mute", "unmute", "fullscreen", "replay", "loaded",
        "видео", "плеер", "закрыть", "동영상", "재생", "닫기",
    )
)

# Skip links / accessibility jumps: a short line made only of these phrases.
SKIP_LINK = re.compile(
    r"^(?:(?:(?:skip|jump) to|go to (?:the )?(?:content|contents|main|menu|top|navigation|search))\b[^.]{0,30}"
    r"|перейти к (?:меню|содержанию|основному|нужному|тексту|навигации|поиску)[^.]{0,30}"
    r"|[가-힣 ]{0,12}바로\s?가기)+$",
    re.I,
)

# Counters and board metadata: "조회수 1,428", "Views: 120", "Просмотров: 5", "댓글 0".
COUNTER = re.compile(
    r"^\(?(?:\d[\d\s,.]*|no)\s?(?:просмотр\w*|прочтени\w*|голос\w*|оцен\w*|views?|reads|votes?|likes?|ratings?"
    r"|подписчик\w*|subscribers?|followers?|구독자|팔로워|조회|추천)\)?$|(?:^|\s|•|\|)(?:조회수?|조회 수|추천수?|공감|댓글|글번호|첨부파일|просмотр(?:ов|ы)?|комментари(?:ев|и)|прочитано)"
    r"\s*[:：]?\s*[\d,.]+(?:\s|$|\|)"
    r"|^(?:[•·▪]\s*)?(?:views?|comments?|hits?|reads)\s*[:：]?\s*[\d,.]+$",
    re.I,
)
# Labels of board-metadata lines whose value is not the article (author, category, file, id).
META_LABELS = re.compile(
    r"^(?:[•·▪\-]\s*)?(?:ID|Auther|Author|By|Writer|Source|Category|Tags?|Labels?|Keywords|Shortlink"
    r"|Attachments?|Photo|Editor|Reporter|Автор|Текст|Редактор|Корреспондент|Источник|Рубрика|Категория|Теги|Метки"
    r"|Ключевые слова|Фото"
    r"|기자|출처|카테고리|태그|키워드|사진)\s?[:：]",
    re.I,
)
# A user's membership line on a forum or Drupal page ("Member for 4 years 3 months", "Member since
# March 2010", "На сайте с 2010 года", "가입일 2010-03-13"): account chrome, never the headline.
MEMBERSHIP = re.compile(
    r"^(?:member for\s+\d|member since\b|joined\s*[:：]?\s*(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?\s+\d)|на сайте с\b|зарегистрирован(?:а)? с\b|가입일)[\w\s,.\-:：]{0,40}$"
    # the label and its value on two lines ("Member for" / "4 years 3 months")
    r"|^member (?:for|since)$|^\d{1,3}\s(?:years?|months?|weeks?|days?)(?:\s\d{1,3}\s(?:years?|months?|weeks?|days?))*$",
    re.I,
)
# Korean board fields need no colon ("작성자 홍보팀", "첨부파일 요강.hwp", "번호 152") or are glued to
# a short value ("분류보도자료"); only on a short line that is not a sentence.
BOARD_FIELD = re.compile(
    r"^(?:[•·▪\-]\s*)?(?:(?:글쓴이|작성자|등록자|분류|첨부파일|첨부|글번호|번호|조회|조회수|기자명|담당부서|담당자|연락처"
    r"|전화번호"
    # a catalogue record of a paper or report: "저자 홍길동", "발행기관 ○○연구원", "권호사항 2023(32)"
    r"|저자|공저자|발행기관|발행처|학술지|권호사항|수록\s?페이지|발행\s?시기|발행\s?연도|소속(?:\s및\s직함)?|초록)"
    r"(?:\s?[:：]|\s|(?=\d))"
    r"|(?:분류|구분|카테고리|작성자|글쓴이|등록자)[가-힣A-Za-z0-9]{1,12}$)"
)
BOARD_FIELD_MAX = 60
# Bylines: "배달형 기자", "이현정 기자 hjlee@...", "By John Smith", "Автор: ...".
BYLINE = re.compile(
    r"^(?:[•·▪]\s*)?(?:[가-힣]{2,4}\s?(?:기자|특파원|통신원|논설위원)(?:\s+\S+@\S+)?"
    r"|(?:Posted |Written )?[Bb]y\s[A-Z][\w.'\-]+(?:,?\s[A-Z][\w.'\-]+){0,4}(?:\s(?:at|on)\s.{1,25})?"
    r"|[A-Za-z][\w .]{1,20}\s?=\s?[가-힣]{2,4}\s?(?:기자|특파원|통신원|칼럼니스트|논설위원)"  # "Newsroh=김원일 칼럼니스트"
    r"|(?:Редакция|Пресс-служба|Editorial (?:board|staff|team)|편집부|홍보팀)\b.{0,40}"
    r"|\S+@\S+\.\w+)$"
)

COPYRIGHT = re.compile(
    r"^(?:©|\(c\)\s|<?저작권자|copyright\b)|all rights reserved|все права защищены|무단\s?전재|재배포\s?금지",
    re.I,
)
# Korean "쿠키" is also a news outlet's name ("[쿠키 사회]" opens a 쿠키뉴스 lead): a notice is
# about cookies' use, policy or settings, so the word takes a particle or one of those nouns.
COOKIE = re.compile(r"\bcookies?\b|\bкуки\b|файлы cookie|쿠키(?:를|는|가|의|에|\s?(?:정책|설정|사용|허용|수집|파일|동의))", re.I)
# Appeals that are the page's, not the story's: donations, subscriptions, newsletters. The
# strong words mark a line of any length up to 200 characters; "support"/"help us" only a short one.
APPEAL = re.compile(
    r"\bdonat(?:e|es|ion|ions)\b|\bsubscri(?:be|ption)\b|\bnewsletter\b|\bpatreon\b"
    r"|\bfollow us\b|\bjoin (?:us|our) on\b|наш(?:ем|ему)? (?:telegram-)?канал|подписывайтесь|подпишитесь"
    r"|пожертвова|рассылк|구독하기|구독해|채널 구독|구독\s?[:：]|후원하기|후원 계좌|뉴스레터|채널 추가|친구 추가",
    re.I,
)
APPEAL_SHORT = re.compile(
    r"\b(?i:support) (?:(?i:us|our \w+)|[A-Z][\w.]*(?: [A-Z][\w.]*)*)\b|\b(?i:help us)\b|(?i:поддержите)|후원"
)
# Photo credits ("(사진=배달형 기자)", "Фото: flickr.com / ...", "Photo: Yonhap").
PHOTO_CREDIT = re.compile(r"^[(\[]?(?:사진\s?=|사진제공\s?=|Фото\s?[:—–-]|Photo\s?(?:by|:)|Credit\s?:)", re.I)
# Pointers to other pages: "▶ 관련기사 …", "☞ 더 보기".
POINTER_LINK = re.compile(r"^[▶▷☞►»▣]\s?\S")
# A labelled link: "기사 원문 : http://…", "Source: https://…".
LABELLED_URL = re.compile(r"^[^:：]{1,30}[:：]\s*https?://\S+")
# A whole line in square brackets that is not a dateline: a site signature or notice.
BRACKETED_NOTE = re.compile(r"^\[[^\]=]{2,80}\]$")
# Image placeholders left by the crawler: "aDSC08461.JPG", "28878554 [1]", "[image]".
IMAGE_PLACEHOLDER = re.compile(r"^(?:\S+\.(?:jpe?g|png|gif|webp)|\d{5,}\s?\[\d+\]|\[(?:image|img|photo)\])$", re.I)
# Print-view header "- SITE - https://site -" and bare URLs.
# A short line that signs off with the site's address ("글로벌웹진 NEWSROH www.newsroh.com").
SITE_SIGNATURE = re.compile(
    r"(?:^|\s)(?:https?://|www\.)\S+$|\s[\w\-]+\.(?:com|net|org|ru|kr|co\.kr|info|tv|media)$"
    # the web studio's credit in a footer ("Задизайнено в Студии Артемия Лебедева", "Designed by X Studio")
    r"|^(?:Сделано|Задизайнено|Разработано|Создано|Дизайн)\s(?:в|—|-)\s?[Сс]туди[ия]\b"
    r"|^(?:Designed|Made|Developed|Powered) by\s.{1,40}\b(?:Studio|Agency)\b",
    re.I,
)
# A link to another story with its date in brackets: "Ferry route reopens (2018.7.19.)".
DATED_LINK = re.compile(r"\(\d{4}[./-]\s?\d{1,2}[./-]\s?\d{1,2}\.?\)$")
# Attachment lines: "1. photo.jpg (File Size:67.5KB/Download:37)", "요강.hwp (120KB)".
ATTACHMENT = re.compile(
    r"\S\.(?:jpe?g|png|gif|webp|pdf|hwpx?|docx?|xlsx?|pptx?|zip)\b.*(?:\d\s?[KM]B\b|download|다운로드|\(\d)", re.I
)
# Language switches ("Читать на русском", "Read in English", "English version").
LANGUAGE_SWITCH = re.compile(
    r"(?:read|view)\s(?:it\s)?in\s(?:english|russian|korean)|читать на (?:русском|английском|корейском)"
    r"|english version|русская версия|версия на русском|한국어\s?(?:버전|보기)|영문\s?(?:버전|보기)",
    re.I,
)
# Ad-slot and template identifiers the crawler kept: "news_header_top_970_100".
CODE_TOKEN = re.compile(r"^[A-Za-z0-9]+(?:[_\-][A-Za-z0-9]+){2,}$")
# Social networks: a line naming two or more of them is a follow/share bar.
SOCIAL_NETWORKS = re.compile(
    r"telegram|телеграм|vkontakte|вконтакте|\bvk\b|одноклассник|\bok\.ru|дзен|dzen|youtube|ютуб|rutube"
    r"|facebook|фейсбук|twitter|твиттер|instagram|инстаграм|whatsapp|viber|kakao|카카오|페이스북|트위터|유튜브"
    r"|인스타그램|네이버\s?(?:블로그|밴드|포스트)|linkedin|reddit|pinterest",
    re.I,
)
# A bare domain name on its own line ("Top.Mail.Ru" counters, site names).
DOMAIN_LINE = re.compile(r"^(?:www\.)?[\w\-]+(?:\.[\w\-]+)*\.(?:ru|com|net|org|kr|info|io|media|tv|su|рф)$", re.I)
PRINT_HEADER = re.compile(r"^(?:-\s.{1,60}\s-\s)?https?://\S+(?:\s-)?$")
# The banner naming the site as a government's official one ("이 누리집은 대한민국 공식 전자정부
# 누리집입니다.", "An official website of ...", "Официальный сайт администрации ...").
# The same banner's other lines ("공식 누리집 주소 확인하기", "go.kr 주소를 사용하는 누리집은 …",
# "… 다른 도메인 주소를 사용하고 있다면 …", "운영중인 공식 누리집보기") are its furniture too.
OFFICIAL_SITE = re.compile(
    r"공식\s?누리집\s?(?:주소\s?확인|보기)|go\.kr\s?주소를\s?사용하는|다른\s?도메인\s?주소를\s?사용"
    r"|공식\s?전자정부\s?누리집|^(?:an\s)?official\s(?:web)?site\sof\b|^официальный\s(?:интернет-)?(?:сайт|портал)\b",
    re.I,
)
# A banner or link that ends in "바로가기" ("go to"): "2024 정부 업무보고 … 토론회 바로가기".
GO_TO_LINK = re.compile(r"\S\s바로\s?가기$")
# A news ticker glued into one line: three or more date-and-time stamps, each opening an item
# ("31 января 2026, 09:00: … 31 января 2026, 08:00: …", "2024-05-01 10:00 … 2024-05-01 09:30 …").
TICKER_STAMP = re.compile(r"(?:\d{4},?\s|\d{4}[-./]\d{2}[-./]\d{2}\s)\d{1,2}:\d{2}\b")
TICKER_STAMPS = 3
# Weather and clock widgets: a temperature, or a weather word, on a short line.
TEMPERATURE = re.compile(r"-?\d{1,2}(?:\.\d)?\s?(?:°\s?[CF]?|℃)")
WEATHER_WORD = re.compile(r"\b(?:weather|погода)\b|날씨|맑음|흐림|미세먼지|초미세먼지", re.I)
# A clock box states "today" ("Сегодня 3 мая 2024", "Today is Friday, May 3, 2024", "오늘은 ...").
CLOCK = re.compile(
    r"^(?:сегодня|today(?: is)?|now|сейчас|오늘(?:은)?|현재|текущая дата|текущее время|current date|today's date"
    r"|오늘 날짜)(?![^\W\d_])",
    re.I,
)
# "Related news" style box headers: what follows them up to the end is a list of other stories.
RELATED_HEADER = re.compile(
    r"^(?:related(?: news| articles| stories)?|read (?:more|also)|see also|more (?:news|stories)"
    r"|top news|most (?:read|viewed|popular)|popular|читайте также|читать также|смотрите также|по теме"
    r"|популярное|самое (?:популярное|читаемое)|популярные новости|главное за (?:день|неделю)"
    # a board's list of other posts starts with its column labels: "번호 분류 제목 글쓴이 날짜"
    r"|(?:번호|분류|제목|글쓴이|작성자|날짜|조회수?|등록일|추천|파일)(?:\s+(?:번호|분류|제목|글쓴이|작성자|날짜|조회수?|등록일|추천|파일)){2,}"
    r"|другие новости|новости по теме|горячие новости|последние новости|лента новостей"
    r"|next|previous|next (?:article|story|post)|previous (?:article|story|post)"
    r"|следующая (?:статья|новость)|предыдущая (?:статья|новость)|다음\s?기사|이전\s?기사|관련\s?기사|관련\s?뉴스|많이 본 (?:뉴스|기사)|인기\s?기사|주요\s?뉴스"
    r"|함께 (?:본|보면 좋은) (?:뉴스|기사)|이 시각 (?:뉴스|주요뉴스)|추천 (?:뉴스|기사)|실시간 (?:뉴스|인기))\s*:?$",
    re.I,
)
# A news headline with its attribution ("..., заявила Матвиенко", "..., says minister"): between two
# body paragraphs it is an inline link to another story, not a subheading of this one.
ATTRIBUTED_HEADLINE = re.compile(
    r"[,—–]\s(?:заявил[аи]?|сообщил[аи]?|считает|уверен[аы]?|отметил[аи]?|said|says|told|warns|claims)"
    r"\s[\w .\-]{2,40}$"
)
# Relative time stamps glued to related-story links ("два дня назадВ Госдуме ...").
# Only glued to the link's text ("два дня назадВ …") or alone on the line: a sentence may well
# begin with "Сегодня" or "Yesterday".
RELATIVE_TIME = re.compile(
    r"^(?:(?:\d+\s)?(?:(?:минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день|недел[юи]|месяц(?:а|ев)?)\sназад"
    r"|(?:два|три|четыре|пять)\s(?:дня|часа|минуты)\sназад|вчера|сегодня"
    r"|\d+\s(?:minutes?|hours?|days?|weeks?)\sago|yesterday|\d+\s?(?:분|시간|일)\s?전))"
    r"(?:(?=[A-ZА-ЯЁ])|\s*$)"
)
# Print-edition stamp ("2017-09-07 3면", "стр. 5", "page A3"): a date of the paper, not the story.
PRINT_EDITION = re.compile(r"\d\s?면$|\bстр\.\s?\d+$|\bpage\s[A-Z]?\d+$", re.I)

# Labels that introduce the article's own publication stamp.
PUBLISHED_LABELS = (
    "Date", "Dated", "Posted", "Posted on", "Published", "Published on", "Publication date",
    "Released", "Release date", "Write", "Written", "Created", "Issued", "Registered", "This story is from",
    "Дата", "Дата публикации", "Опубликовано", "Опубликован", "Размещено", "Создано", "Добавлено",
    "Дата создания", "Дата размещения",
    "Время публикации", "Дата выхода",
    "입력", "승인", "등록", "등록일", "등록일자", "등록일시", "작성일", "작성일자", "작성일시", "기사입력",
    "기사승인", "기사등록", "최초입력", "입력일", "입력시간", "송고", "송고시간", "게재", "게재일", "발행일",
    "발행일자", "발간일", "발간일자", "게시일", "보도일", "보도시간", "배포일", "일자", "날짜",
)
# Labels of later stamps that must never win over the publication stamp.
UPDATE_LABELS = (
    "Update", "Updated", "Last updated", "Modified", "Last modified", "Edited", "Revised",
    "Обновлено", "Обновлён", "Обновлен", "Изменено", "Дата изменения", "Дата обновления", "Отредактировано",
    "업데이트", "수정", "수정일", "수정일시", "최종수정", "최종 수정", "기사수정", "수정일자", "수정시간", "편집",
)
# Labels of an event's date or place ("일시 : 2021년 3월 4일"): the date of what happens, not of the page.
EVENT_LABELS = (
    "일시", "기간", "행사일", "행사 일시", "일정", "장소", "When", "Event date", "Period", "Venue",
    "Дата проведения", "Время проведения", "Когда", "Место проведения", "Сроки",
)
# Common Korean surnames: a 2-4 syllable word before a date is a reporter's name only if it starts with one.
KO_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감호"
)
# A site's account box ("Приветствую Вас Гость | Регистрация | Вход", "Welcome, Guest | Log in"):
# a date printed next to it is the header's clock, not the article's.
ACCOUNT_MENU = re.compile(
    r"(?:\b(?:guest|гость)\b|приветствую вас|\bwelcome\b|환영합니다).*"
    r"(?:\b(?:log ?in|sign (?:in|up)|register|вход|войти|регистрация)\b|로그인|회원가입)"
    r"|(?:\b(?:register|регистрация)\b|회원가입).{0,40}(?:\b(?:log ?in|sign in|вход|войти)\b|로그인)"
    r"|(?:\b(?:log ?in|sign in|вход|войти)\b|로그인).{0,40}(?:\b(?:register|sign up|регистрация)\b|회원가입)",
    re.I,
)
# How Korean news outlets' names end ("연합뉴스", "뉴시스", "전북일보"): one list for the closing
# credit line (tagging) and the byline place test below.
KO_OUTLET_ENDINGS = "뉴스|뉴시스|일보|신문|통신|방송|타임스|데일리|투데이"
# Korean outlets written where a closing byline's place would be ("/연합뉴스"): not places.
KO_OUTLET_NAME_ENDINGS = rf"{KO_OUTLET_ENDINGS}|저널|미디어"  # the last word of a Korean outlet's name
KO_OUTLET = re.compile(rf"(?:{KO_OUTLET_NAME_ENDINGS}|경제)$")
# The last word of a newspaper's or a news site's name, as its masthead prints it above the
# headline ("The Korea Times", "Korea JoongAng Daily", "Российская газета", "РИА Новости", "동아일보").
OUTLET_LAST_WORDS_EN = frozenset({"Times", "Herald", "News", "Post", "Daily", "Journal", "Gazette", "Tribune",
                                  "Telegraph", "Chronicle", "Observer", "Insider", "Monitor", "Today", "Express",
                                  "Press", "Weekly", "Wire", "Inquirer", "Standard", "Mail", "Digest"})
OUTLET_LAST_WORDS_RU = frozenset({"газета", "новости", "известия", "ведомости", "правда", "вестник", "курьер",
                                  "таймс", "ньюс", "пресс", "медиа", "обозрение", "информ"})
# Words a Korean bracket dateline never has as its place ("(사진=연합뉴스)" is a photo credit).
KO_NOT_PLACES = frozenset({"사진", "자료", "자료사진", "그래픽", "출처", "제공", "영상", "사진제공", "편집", "일러스트"})
# A headline given as a labelled field ("제목 : ...", "Title: ...").
TITLE_LABELS = ("제목", "Title", "Subject", "Заголовок", "Тема")
# Labels that may follow the title on the same board line ("제목 : X 글쓴이 : Y").
AFTER_TITLE_LABELS = ("글쓴이", "작성자", "등록자", "작성일", "조회수", "Author", "Writer", "Date", "Автор", "Дата")
# A site's generic section name printed after the headline by the page title ("О визите … – Новости",
# "Talks resume | News", "회담 재개 - 뉴스"): not part of the headline.
SECTION_SUFFIXES = ("Новости", "Главная", "Статьи", "Публикации", "События", "Пресс-релизы", "Пресс-центр",
                    "Актуально", "News", "Latest News", "Articles", "Press Releases", "Press releases", "Events",
                    "Home", "뉴스", "기사", "보도자료", "공지사항")
# Words that name a site's section before its name on a label line above the headline
# ("Информация: Власть и политика", "Category: World News", "분류: 정치").
RUBRIC_LABELS = ("Информация", "Рубрика", "Раздел", "Категория", "Новости", "Section", "Category", "Categories",
                 "News", "Rubric", "분류", "카테고리", "섹션", "뉴스")
# An editorial office's contact line: a contact word, then a phone number or an e-mail address
# ("Телефон редакции (4212) 42-64-26", "WhatsApp редакции … +7-909-844-26-26", "Tel. +82 2 123 4567",
# "제보 전화 02-123-4567"). Read on a short line that is no sentence (see `boilerplate`).
CONTACT_WORD = re.compile(
    r"(?:^|[\s(|•·])(?:телефон\w*|тел\.|факс|phone|tel\.?|fax|whatsapp|viber|telegram|телеграм|e-?mail|почта"
    r"|электронная почта|전화|팩스|문의|연락처|이메일)(?![^\W\d_])", re.I
)
CONTACT_NUMBER = re.compile(r"\+?\(?\d[\d\s()\-–.]{5,}\d|[\w.+\-]+@[\w\-]+\.[\w.]+")


# Capitalised bodies that may follow a city and a dash in a heading ("Москва – НАТО") but are no
# news agency: a "<city> – <CAPS>" line is a dateline only with an agency after the dash.
NOT_AGENCIES = frozenset({
    "ООН", "НАТО", "ЕС", "ЕАЭС", "СССР", "ШОС", "АСЕАН", "АТЭС", "БРИКС", "СНГ", "ОДКБ", "МАГАТЭ", "МИД", "ЦК",
    "UN", "NATO", "EU", "ASEAN", "APEC", "USSR", "BRICS", "IAEA", "WHO", "CIS", "SCO",
})  # fmt: skip

# Wire and photo agencies as captions and datelines credit them ("(Sergei Ivanov/Pool Photo via AP)",
# "(AP-Yonhap)"): one list for the credit rules in tagging/filters.py.
WIRE_AGENCIES = ("AP", "AFP", "Reuters", "REUTERS", "EPA", "Getty Images", "Yonhap", "YONHAP", "Xinhua", "Kyodo",
                 "TASS", "Sputnik", "Bloomberg", "UPI", "Newsis", "News1", "EPA-EFE", "IANS", "PTI", "ANI", "Bernama",
                 "Antara", "ТАСС", "РИА Новости")
# Korean wires as a photo caption credits them after its last sentence ("… 악수하고 있다. /연합뉴스").
KO_WIRE_CREDITS = ("연합뉴스", "뉴시스", "뉴스1", "뉴스핌")
# Nationality adjectives: a "person" ending in one is a description ("S. Korean", "North Korean"), not a name.
NATIONALITY_ADJECTIVES = frozenset(
    "Korean Koreans Russian Russians American Americans Chinese Japanese Mongolian Ukrainian Belarusian "  # noqa: SIM905
    "Kazakh Uzbek Soviet European Asian British French German Indian Vietnamese".split()
)
# Words that make an adjective of a place before them with a hyphen ("US-led", "Seoul-based"):
# the place is then described, not named (a romanised given name, "Yoon-cheol", is no such word).
PLACE_COMPOUND_WORDS = ("led", "based", "backed", "born", "made", "owned", "run", "bound", "style", "oriented",
                        "related", "centric", "friendly", "wide", "linked", "sponsored", "brokered", "hosted",
                        "funded", "controlled", "occupied", "allied", "aligned", "flagged", "registered")

# Posts written glued to the name before them ("홍길동원장은", "푸틴대통령"); a byline's 기자 is left out.
KO_GLUED_POSTS = ("원장", "회장", "부회장", "이사장", "총장", "사장", "교수", "박사", "장관", "차관", "대사", "총영사",
                  "대통령", "총리", "부총리", "의원", "위원장", "대표", "소장", "센터장", "단장", "대변인", "후보")
KO_GLUED_POST = re.compile("|".join(sorted(KO_GLUED_POSTS, key=len, reverse=True)))  # longest first

# Korean posts that follow a name ("남관표 국가안보실 2차장", "윤영찬 청와대 국민소통수석", "김현수
# 수석연구원", "박성규 문과대학장"). Several also end common words or given names ("주차장", "임수석"),
# so they count as posts only alone, after digits, or after two syllables or more (ner._ko_post).
KO_POST_WORDS = (
    "차장", "수석", "학장", "부장", "총재", "고문", "비서관", "참사관", "서기관", "협력관", "정책관", "심의관",
    "조정관", "담당관", "특사", "특별대표", "부지사", "부시장", "수석연구원", "선임연구원", "책임연구원",
    "경제상", "감독", "변호사", "차관보", "처장", "팀장", "보좌관", "부사장", "관장", "교장", "법인장", "지사장",
    "사무관", "후보",
)

# Last words of a place's or a facility's English name: a model "person" ending in one is a place
# the model mistyped ("Yeongil Bay Port"), never anyone's name.
PLACE_HEAD_WORDS = frozenset({
    "Bay", "Port", "Harbor", "Harbour", "River", "Island", "Islands", "Street", "Avenue", "Road", "Station",
    "Airport", "Bridge", "Square", "Park", "Lake", "Peninsula", "Strait", "Sea", "Ocean", "Gulf", "Cape",
    "Valley", "Terminal", "Canal", "Plaza", "Tower", "Stadium", "District", "County", "Province", "Oblast",
    "Krai", "Region", "Complex", "Zone",
})
# Bodies often named after a person that the organisation heads do not cover ("Pushkin Museum").
NAMED_BODY_WORDS = frozenset({"Museum", "Library", "Theatre", "Theater"})
# Heads of any name given after a person ("Kim Il Sung Square", "Lomonosov Prize"): after a
# person-shaped run, the run names the place, the body or the honour, not the person.
NAMED_AFTER_HEADS = PLACE_HEAD_WORDS | NAMED_BODY_WORDS | frozenset({
    "University", "Institute", "Prize", "Award", "Foundation", "Hall", "School", "Academy", "Center", "Centre",
    "Medal", "Order", "Memorial", "Monument", "Avenue", "Boulevard",
})
