"""The inline CSS and JavaScript of the HTML report (kept apart so report.py stays readable).

No external assets: the page must work offline and from a mail attachment. The script only
hides and shows elements that are already in the page; it never builds HTML from data.
"""

CSS = """
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f8fa}
body{margin:0 auto;max-width:1100px;padding:1rem}
h1{margin:.2rem 0}
.sub{color:#57606a;margin:.2rem 0 1rem}
.summary{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0 1rem;padding:0;list-style:none}
.summary li{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.4rem .8rem}
.summary b{font-size:1.3rem;display:block}
.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:end;background:#fff;border:1px solid #d0d7de;
 border-radius:6px;padding:.6rem .8rem;margin-bottom:1rem}
.filters label{display:flex;flex-direction:column;font-size:.85rem;color:#57606a}
.filters select{font-size:1rem;padding:.2rem}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:.8rem 1rem;margin:0 0 1rem}
.card h2{margin:0;font-size:1.2rem}
.card .meta{color:#57606a;font-size:.9rem;margin:.2rem 0 .6rem;word-break:break-all}
.group h3{font-size:1rem;margin:.6rem 0 .3rem}
.group ul{margin:0;padding-left:1.2rem}
.cred{margin:.25rem 0}
.cred .facts{color:#57606a;font-size:.9rem}
.level{display:inline-block;color:#fff;border-radius:4px;padding:.05rem .45rem;font-size:.85rem;font-weight:600}
.error{color:#b3261e;font-weight:600}
.warn{color:#8a4600;margin:.15rem 0 .3rem;padding-left:1.2rem}
.host{color:#8a4600;font-size:.9rem}
.lookup{margin-left:.3rem}
details{font-size:.9rem;color:#57606a}
a{color:#0550ae}
[hidden]{display:none!important}
@media print{.filters{display:none}}
"""

JS = """
(function(){
  var form=document.getElementById('filters');
  if(!form){return;}
  form.hidden=false;
  var sel={level:document.getElementById('f-level'),issuer:document.getElementById('f-issuer'),
           status:document.getElementById('f-status')};
  var shown=document.getElementById('shown');
  function apply(){
    var want={level:sel.level.value,issuer:sel.issuer.value,status:sel.status.value};
    var active=want.level||want.issuer||want.status, total=0, visible=0;
    document.querySelectorAll('.card').forEach(function(card){
      var any=false;
      card.querySelectorAll('.cred').forEach(function(li){
        total++;
        var ok=(!want.level||li.dataset.level===want.level)&&(!want.issuer||li.dataset.issuer===want.issuer)
               &&(!want.status||li.dataset.status===want.status);
        li.hidden=!ok; if(ok){visible++;any=true;}
      });
      card.querySelectorAll('.group').forEach(function(g){
        g.hidden=!g.querySelector('.cred:not([hidden])');
      });
      card.hidden=active?!any:false;
    });
    shown.textContent='Showing '+visible+' of '+total+' credentials';
  }
  Object.keys(sel).forEach(function(k){sel[k].addEventListener('change',apply);});
  apply();
})();
"""
