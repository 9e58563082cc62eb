console.log('article: command line tool (work in progress)');
