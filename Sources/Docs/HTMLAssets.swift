/// The inline stylesheet and script of the HTML dictionary (no external assets).
enum HTMLAssets {
    static let css = #"""
    :root{--bg:#f6f7fb;--card:#fff;--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--soft:#f1f5f9;--accent:#1d4ed8;--hit:#fef08a;
    --mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono","Liberation Mono",monospace;
    --sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","DejaVu Sans","Liberation Sans",Arial,sans-serif}
    @media (prefers-color-scheme:dark){:root{--bg:#0b1120;--card:#111827;--ink:#e5e7eb;--muted:#94a3b8;--line:#1f2937;--soft:#0f172a;--accent:#93c5fd;--hit:#854d0e}}
    *{box-sizing:border-box}
    html{scroll-padding-top:16px}
    body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 var(--sans);display:flex;min-height:100vh}
    [hidden]{display:none!important}
    a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
    code,.mono{font-family:var(--mono);font-size:12.5px}
    aside{position:sticky;top:0;align-self:flex-start;width:290px;flex:none;height:100vh;overflow:auto;background:var(--card);border-right:1px solid var(--line);padding:18px 16px 40px}
    .brand{font-weight:700;font-size:18px;letter-spacing:-.01em}.brand small{display:block;font-weight:500;font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.08em}
    #q{width:100%;margin:14px 0 4px;padding:8px 10px;border:1px solid var(--line);border-radius:8px;font:inherit;background:var(--soft);color:var(--ink)}
    #q:focus{outline:2px solid var(--accent);outline-offset:-1px;background:var(--card)}
    #count{margin:0 0 10px;color:var(--muted);font-size:12px}
    nav ul{list-style:none;margin:0;padding:0}nav li a{display:block;padding:2px 8px;border-radius:6px;color:var(--ink);font-size:13px}
    nav li a:hover{background:var(--soft);text-decoration:none}
    nav .grp{margin:12px 0 4px;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.08em}
    nav .grp a{color:inherit}nav .grp a.sch{color:var(--sc)}
    nav .sub a{padding-left:18px;font-family:var(--mono);font-size:12px}
    main{flex:1;min-width:0;padding:28px 40px 80px;max-width:1280px}
    h1{font-size:30px;margin:0 0 6px;letter-spacing:-.02em}h1 small{font-size:16px;color:var(--muted);font-weight:500;margin-left:8px}
    h2{font-size:22px;margin:40px 0 8px;padding-bottom:6px;border-bottom:2px solid var(--line);letter-spacing:-.01em}
    h3{font-size:17px;margin:0;font-family:var(--mono);font-weight:600}
    h4{margin:0;font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
    .lead{font-size:15px;color:var(--muted);max-width:900px;margin:0 0 14px}
    .stats{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0}
    .stat{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:8px 14px;min-width:110px}
    .stat b{display:block;font-size:20px}.stat span{color:var(--muted);font-size:12px}.stat.ok b{color:#15803d}.stat.warn b{color:#c2410c}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:12px}
    .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px;border-top:4px solid var(--sc,#64748b)}
    .card p{margin:6px 0;color:var(--muted);font-size:13px}
    article.tbl{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--sc,#64748b);border-radius:10px;padding:16px 18px;margin:16px 0;box-shadow:0 1px 2px rgba(15,23,42,.04)}
    .th{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;margin-bottom:4px}
    .th .anchor{color:var(--muted);font-size:13px;visibility:hidden}article.tbl:hover .anchor{visibility:visible}
    .sch{color:var(--sc)}
    .desc{margin:4px 0 12px;max-width:980px}
    .b{display:inline-block;font:600 11px/1 var(--sans);padding:4px 7px;border-radius:999px;background:var(--soft);color:var(--muted);border:1px solid var(--line);white-space:nowrap}
    .b.pk{background:#fef3c7;color:#92400e;border-color:#fde68a}.b.fk{background:#dbeafe;color:#1e40af;border-color:#bfdbfe}
    .b.uk{background:#ccfbf1;color:#115e59;border-color:#99f6e4}.b.part{background:#ede9fe;color:#5b21b6;border-color:#ddd6fe}
    .b.rls{background:#ffe4e6;color:#9f1239;border-color:#fecdd3}.b.cs{background:#e0f2fe;color:#075985;border-color:#bae6fd}
    .b.ref{background:var(--soft)}.b.nul{background:#fff7ed;color:#9a3412;border-color:#fed7aa}.b.miss{background:#fee2e2;color:#991b1b;border-color:#fecaca}
    table{border-collapse:collapse;width:100%}
    .cols th,.mini th{text-align:left;font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);font-weight:600;padding:6px 8px;border-bottom:1px solid var(--line);background:var(--soft)}
    .cols td,.mini td{padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
    .cols tr:last-child td,.mini tr:last-child td{border-bottom:none}
    .cols td.k{width:74px;white-space:nowrap}.cols td.n{white-space:nowrap;font-weight:600}.cols td.t{white-space:nowrap;color:var(--muted)}
    .cols td.d code{font-size:12px;color:var(--ink);background:var(--soft);padding:1px 4px;border-radius:4px}
    .cols tr.hit td{background:var(--hit)}
    .mini code{white-space:nowrap}.notes{color:var(--muted);margin:10px 0;padding-left:18px}
    .nn{color:var(--muted);font-size:11px;white-space:nowrap}
    .facts{display:grid;grid-template-columns:150px 1fr;gap:0;margin-top:14px;border-top:1px solid var(--line)}
    .facts>div{padding:9px 0;border-bottom:1px solid var(--line)}.facts>div:nth-last-child(-n+2){border-bottom:none}
    .facts .fl{padding-right:12px}.facts ul{margin:0;padding-left:18px}
    .expr{font-family:var(--mono);font-size:12.5px;background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:6px 9px;display:block;white-space:pre-wrap;margin:4px 0}
    .muted{color:var(--muted)}.ok{color:#15803d}
    #none{padding:30px;text-align:center;color:var(--muted)}
    footer{margin-top:50px;color:var(--muted);font-size:12px}
    @media (max-width:900px){body{display:block}aside{position:static;width:auto;height:auto}main{padding:20px}.facts{grid-template-columns:1fr}}
    @media print{aside{display:none}article.tbl{break-inside:avoid;box-shadow:none}}
    """#

    static let js = #"""
    (function(){
    var q=document.getElementById('q'),cnt=document.getElementById('count'),none=document.getElementById('none');
    var arts=[].slice.call(document.querySelectorAll('article.tbl')),links={};
    [].forEach.call(document.querySelectorAll('nav a[data-t]'),function(a){links[a.getAttribute('data-t')]=a.parentNode;});
    function each(sel,f){[].forEach.call(document.querySelectorAll(sel),f);}
    function run(){
     var v=q.value.trim().toLowerCase(),n=0;
     arts.forEach(function(a){
      var hitT=!v||a.getAttribute('data-s').indexOf(v)>=0,hitC=false;
      [].forEach.call(a.querySelectorAll('tr[data-s]'),function(r){var h=!!v&&r.getAttribute('data-s').indexOf(v)>=0;r.classList.toggle('hit',h);if(h)hitC=true;});
      var show=hitT||hitC;a.hidden=!show;if(links[a.id])links[a.id].hidden=!show;if(show)n++;
     });
     each('section.schema',function(s){s.hidden=!!v&&!s.querySelector('article.tbl:not([hidden])');});
     each('nav ul.sub',function(u){var e=!!v&&!u.querySelector('li:not([hidden])');u.hidden=e;u.previousElementSibling.hidden=e;});
     each('.extra',function(s){s.hidden=!!v;});
     cnt.textContent=v?(n+' of '+arts.length+' tables match'):(arts.length+' tables · press / to search');
     none.hidden=!v||n>0;
    }
    var m=/[?&]q=([^&#]*)/.exec(location.search);if(m)q.value=decodeURIComponent(m[1].replace(/\+/g,' '));
    q.addEventListener('input',run);
    document.addEventListener('keydown',function(e){
     if(e.key==='/'&&document.activeElement!==q){e.preventDefault();q.focus();}
     else if(e.key==='Escape'&&document.activeElement===q){q.value='';run();}
    });
    run();
    })();
    """#
}
